/** @file
 *  @brief The recogniser's cue vocabulary in English, French and Russian, and its word keys.
 *
 *  Words are written normalised (lowercase, Latin without accents, ё as е) and stored under their
 *  key (see word_key), so one entry covers `министр`, `министра`, `министром`. No names of persons or
 *  organisations belong here: those come from the user's entities file.
 */
#include "recognizer_cues.h"

#include "agora/util/string_map.h"

#include <algorithm>
#include <array>
#include <string>

namespace agora::cues {
namespace {

constexpr unsigned kEn = 1, kFr = 2, kRu = 4, kLatin = kEn | kFr;

/// One group of words (space-separated) with the languages and flags they share.
struct Group {
    unsigned langs;
    std::uint32_t flags;
    const char* words;
};

// clang-format off
const Group kGroups[] = {
    // --- function words (sentence-initial capitals that are not names) ---
    {kEn, kFunction, "the a an this that these those in on at by for with from after before during "
        "however but and or as since while when where although though yesterday today tomorrow "
        "meanwhile last earlier later he she they we it his her their our its my your you i there here "
        "according under despite also many some all both each every most several such other another "
        "one two three four five six seven eight nine ten if then thus so because not no nor "
        "following until against among between about over into through within without what which who "
        "whom whose why how once instead indeed moreover furthermore nevertheless still yet even only "
        "now recently currently previously eventually finally first second third new former late "
        "dear please subsequently overall"},
    {kEn, kDeterminer, "the"},
    {kEn, kConnector, "of for and or the on against in"},
    {kEn, kConnector, "de del do da dos das"},  // Spanish and Portuguese names in English text: `Corte de Constitucionalidad`, `Polícia Civil do Pará`
    {kEn, kAuxiliary, "has had have was is"},
    {kEn, kPlacePrep, "in at from near into to"},
    {kFr, kFunction, "le la les un une des du de en dans au aux pour par sur avec sans selon apres "
        "avant pendant mais et ou ce cet cette ces il elle ils elles nous vous on leur leurs son sa "
        "ses mon ma mes depuis lors hier aujourd'hui demain cependant toutefois ainsi alors quand si "
        "bien comme puis enfin lorsque parce car donc or ni ne pas plus tous toutes tout toute "
        "plusieurs certains certaines chaque autre autres entre contre vers chez sous malgre outre "
        "deja encore aussi meme seulement notamment d'abord qui que quoi dont ou celui celle ceux celles"},
    {kFr, kDeterminer, "la le les"},
    {kFr, kConnector, "de des du pour contre sur aux au en et la le les"},
    {kFr, kAuxiliary, "a avait aurait"},
    {kFr, kPlacePrep, "en dans vers pres"},
    {kRu, kFunction, "в во на по с со к ко о об обо от до из за при для и а но однако также как это "
        "этот эта эти этого этой тот та те он она оно они мы вы я его ее их им ему ей нам вам кроме после "
        "перед вчера сегодня завтра тогда когда если хотя уже еще все всё так там тут здесь затем "
        "потом поэтому впрочем между против через без под над среди около ни не нет да же ли бы "
        "который которая которые где куда почему зачем сейчас теперь ранее позднее также кроме "
        "многие некоторые каждый другой другие один одна два три первый второй ведь лишь только даже "
        "согласно мой моя наш наша ваш свой своя сам сама сами само самого самой среди нас вас них "
        "пока снова вновь тоже позже"},
    {kRu, kConnector, "по при против за и с"},
    {kRu, kPlacePrep, "в во из на под около"},

    // --- person cues ---
    {kLatin, kRole, "activist activists journalist lawyer attorney advocate director chairman chairwoman "
        "chair chairperson president minister rapporteur defender blogger reporter editor leader "
        "founder spokesman spokeswoman spokesperson judge prosecutor ombudsman commissioner secretary "
        "deputy senator governor mayor akim colleague wife husband son daughter brother sister "
        "mother father widow poet writer artist politician dissident prisoner detainee researcher "
        "expert professor chief ambassador coordinator member analyst economist unionist campaigner "
        "correspondent photographer filmmaker musician singer candidate investigator officer "
        "treasurer head cofounder co-founder nephew niece uncle aunt grandson granddaughter mp mps speaker "
        "bishop archbishop cardinal pastor priest imam mufti rabbi sheikh metropolitan "
        "colonel captain lieutenant sergeant inspector superintendent constable corporal commander brigadier "
        "democrats republicans socialists communists conservatives greens counsel registrar executive driver magistrate "
        "representative representatives representant representante councillor councillors supt author specialist"},
    {kFr, kRole, "militant militante journaliste avocat avocate defenseur defenseure directeur directrice "
        "president presidente ministre rapporteur rapporteuse blogueur blogueuse fondateur fondatrice "
        "secretaire chef maire procureur procureure juge depute deputee opposant opposante dissident "
        "dissidente prisonnier prisonniere ecrivain ecrivaine poete epouse mari fils fille frere soeur "
        "mere pere veuve chercheur chercheuse expert experte professeur porte-parole coordinateur "
        "coordinatrice tresorier tresoriere auteur autrice specialiste membre dirigeant dirigeante responsable militants avocats docteur docteure "
        "eveque archeveque cardinal pasteur pretre imam abbe "
        "colonel commandant capitaine lieutenant sergent inspecteur commissaire adjudant batonnier batonniere chauffeur"},
    {kRu, kRole, "активист активистка журналист журналистка адвокат юрист правозащитник правозащитница "
        "директор председатель президент министр блогер блогерша глава руководитель руководительница "
        "основатель основательница депутат сенатор аким судья прокурор следователь омбудсмен эксперт "
        "докладчик докладчица защитник защитница лидер секретарь заместитель супруга супруг жена муж "
        "сын дочь брат сестра мать отец вдова поэт поэтесса писатель писательница художник политик "
        "оппозиционер диссидент политзаключенный заключенный координатор член представитель "
        "корреспондент редактор главред исследователь профессор генерал фотограф кандидат сотрудник "
        "сотрудница коллега спикер пресс-секретарь епископ архиепископ митрополит священник имам муфтий "
        "раввин родственник родственница родственники родители врач врачи медики сотрудники представители адвокаты юристы журналисты активисты "
        "правозащитники эксперты члены полковник подполковник майор капитан лейтенант сержант инспектор "
        "понятой понятая понятые свидетель свидетельница свидетели потерпевший потерпевшая водитель "
        "опрошенный опрошенная автор специалист специалистка"},
    {kEn, kHonorific | kAbbreviation, "mr mrs ms dr prof sir"},
    {kFr, kHonorific | kAbbreviation, "m mme mlle me pr dr dre mgr"},
    {kFr, kHonorific, "excellence madame monsieur mademoiselle maitre"},
    {kEn, kHonorific, "excellency"},
    // `Daw Khin Thiri Aung`, `Khun Siriporn`, `Doña Rosaura`: Burmese, Thai and Spanish honorifics.
    {kLatin, kHonorific, "daw khun dona ajarn"},
    {kEn, kHonorific, "comrade dame lord lady baroness baron reverend revd"},
    {kRu, kHonorific, "господин госпожа"},
    {kEn, kAbbreviation, "st jr sr gen col lt sgt no vs mt co"},
    {kRu, kAbbreviation, "г гг им ул д т тт др пр проф см ст"},
    {kEn, kSpeech, "said says told stated added noted explained wrote stressed emphasised emphasized "
        "claimed argued insisted recalled commented warned declared announced tweeted believes "
        "believed thinks complained alleged testified"},
    {kFr, kSpeech, "declare dit affirme indique souligne explique ajoute estime precise rappele denonce "
        "raconte confie ecrit insiste assure temoigne"},
    {kRu, kSpeech, "заявил сообщил сказал отметил рассказал подчеркнул пояснил добавил считает говорит "
        "написал уточнил напомнил заявляет сообщает отмечает подчеркивает утверждает убежден "
        "убеждена полагает"},
    {kEn, kAccording, "according"},
    {kFr, kAccording, "selon"},
    {kRu, kAccording, "словам мнению"},
    {kLatin, kParticle, "de da di del della dos das du van von der den ter ten bin ibn ben al el ould mint wa delos dela"},
    {kLatin, kPatronymic, "uly kyzy ugli ogly uulu oglu qizi"},
    {kRu, kPatronymic, "улы кызы ұлы қызы оглы угли уулу"},

    // --- organisation cues ---
    {kEn, kOrgHead, "bureau committee council ministry court union association foundation fund centre "
        "center office commission party agency organisation organization network watch international "
        "service parliament assembly institute league federation movement coalition group nations "
        "government department senate congress tribunal university academy bank corporation company "
        "society chamber commissariat observatory alliance forum club directorate administration "
        "secretariat inspectorate board house initiative radio news press institution police media "
        "procuracy mission delegation embassy consulate community trust daily times post tribune gazette "
        "herald journal television tv aid relief guard corps campaign holding holdings guardian observer "
        "chronicle telegraph courier monitor "
        "treasury college fm lab laboratory syndicate bloc archives kanal authority unit collective museum division "
        "forces panel cross solicitors associates partners chambers governance research consulting "
        "advisory logistics shipping airlines airways transport transit insurance investments hospital bar "
        "systems solutions technologies industries desk ledger dispatch inquirer examiner force studio studios supplies films assurance confederation hub school"},
    {kFr, kOrgHead, "comite bureau conseil ministere tribunal cour union association fondation centre "
        "commission parti agence organisation ligue federation mouvement coalition reseau assemblee "
        "institut parquet gouvernement senat parlement commissariat fonds observatoire service office "
        "groupe direction academie universite banque syndicat collectif alliance forum ambassade "
        "societe nations internationale media radio communaute ordre barreau garde corps chambre archives surete bloc "
        "autorite musee forces gendarmerie ville editions presses metropole hopital studio films confederation plateforme coordination presse prefecture"},
    {kRu, kOrgHead, "бюро комитет совет министерство суд союз ассоциация фонд центр комиссия партия "
        "агентство организация служба парламент ассамблея институт лига федерация движение коалиция "
        "прокуратура управление департамент академия университет палата сенат мажилис правительство "
        "администрация акимат генпрокуратура объединение сеть группа конгресс трибунал канцелярия "
        "банк компания корпорация общество клуб инспекция представительство посольство миссия радио медиа "
        "собрание офис коллегия хокимият профсоюз аппарат кабинет адвокатура музей архив легион корпус крест силы штаб "
        "консульство генконсульство отделение комиссариат военкомат батальон полк бригада"},
    {kEn, kLegalForm, "ngo ngos newspaper outlet channel website site magazine broadcaster daily weekly portal "
        "party faction group movement network association collective coalition initiative"},
    {kFr, kLegalForm, "ong journal chaine magazine site quotidien hebdomadaire parti mouvement groupe association "
        "reseau collectif coalition initiative"},
    {kRu, kLegalForm, "оф оо нко нпо ооо тоо ао роо моо пф газета издание телеканал портал радио "
        "журнал агентство сайт проект группировка фракция партия движение инициатива коалиция редакция театр издательство"},
    // Spanish and Portuguese heads, met in English and French texts on Latin America
    // (`Procuraduría de los Derechos Humanos`, `Fundación Construir`, `Ministerio Público`).
    {kLatin, kOrgHead, "ministerio fundacion universidad corte defensoria colectivo comision asociacion instituto "
        "centro policia fiscalia procuraduria juzgado consejo movimiento frente partido coordinadora observatorio "
        "secretaria asamblea congreso sindicato confederacion federacion fundacao universidade comissao "
        "associacao procuradoria guardia cartel ejercito brigada universiti universitas gobierno cooperativa "
        "emisora unidad jurisdiccion"},
    // Polish, German, Dutch and Italian heads (`Fundacja Otwarty Brzeg`, `Stiftung Wissenschaft`).
    {kLatin, kOrgHead, "fundacja stowarzyszenie stiftung stichting verein fondazione associazione akademie"},
    {kLatin, kNonName, "lake mount lac mont town uplands highlands hills latin ocean sea gulf strait"},
    // --- territories: Russian units a body's area is named by (`по Кировскому району`, `прокуратура
    // города`), continents a region is named after (`Horn of Africa`) ---
    // (`поселок` keeps its `о` in the key, so its other forms are listed too.)
    {kRu, kTerritory, "город район область край округ республика поселок поселка село европа азия африка америка"},
    {kEn, kTerritory, "africa asia europe america americas oceania"},
    {kFr, kTerritory, "afrique asie europe amerique ameriques oceanie"},
    {kLatin, kOrgHead | kCompanyForm, "ltd inc llc plc gmbh bhd sa sarl sas ag spa jsc pjsc corp llp fze fzco dmcc "
        "srl bv nv kft sro pte pty lda oyj eurl sasu snc selarl selas scp uab sia zrt nyrt sac"},
    {kLatin, kCompanyForm, "sdn"},  // `Sdn Bhd`
    {kEn, kOrgHead | kCompanyForm, "co"},  // `Guangxi Hydro Engineering Co., Ltd`
    {kRu, kCompanyForm | kCompanyPrefix, "тоо ао оао зао пао ооо"},
    // Indonesian `PT` (Perseroan Terbatas) and the post-Soviet joint-stock forms come before the name in
    // English too: `PT Samudra Bahari Awak`, `JSC Kazakhtelecom`.
    {kLatin, kCompanyForm | kCompanyPrefix, "pt pjsc"},
    {kLatin, kCompanyPrefix, "jsc"},
    // --- parliaments named by their own word (`Mazhilis`, `Жогорку Кенеш`, `Маджлиси Оли`) ---
    {kLatin, kOrgHead | kAssembly, "mazhilis majilis mejlis majlis majlisi kenesh khural kurultai duma rada "
        "sejm seimas saeima knesset bundestag bundesrat riksdag storting folketing althing oireachtas"},
    {kRu, kOrgHead | kAssembly, "мажилис меджлис маджлис маджлиси кенеш хурал курултай дума сейм кнессет "
        "бундестаг бундесрат риксдаг стортинг фолькетинг"},
    {kEn, kPrize, "prize award"},
    {kFr, kPrize, "prix"},
    {kRu, kPrize, "премия"},
    // --- header field labels (`Date:`, `Hearing:`, `Defendant:`) ---
    {kEn, kField | kNonName, "date hearing defendant defendants plaintiff claimant charge charges venue verdict "
        "sentence status contact contacts phone tel email fax location subject age nationality"},
    {kFr, kField | kNonName, "audience affaire prevenu prevenue accuse accusee partie juridiction contact "
        "telephone objet lieu age nationalite"},
    {kRu, kField | kNonName, "дело дата подсудимый подсудимая обвиняемый обвиняемая обвинение защита контакты подпись "
        "телефон заседание"},

    // --- words that are not names ---
    {kEn, kNonName, "human rights national state federal supreme high special public civil "
        "independent united democratic social central eastern western northern southern north south "
        "east west middle region regional district city province oblast street avenue square republic "
        "kingdom army prison colony internet online god islam christian muslim orthodox catholic "
        "kazakh russian french english american european soviet chinese uzbek kyrgyz tajik turkmen "
        "ukrainian belarusian georgian azerbaijani armenian british german uyghur asian african arab "
        "acting former senior justice affairs security interior foreign internal general constitutional "
        "criminal economic criminal appeal appeals administrative law order freedom liberty peace "
        "women's youth children world global local municipal city's capital government's "
        "live autonomous province county covid coronavirus palace"},
    {kLatin, kNonName | kPlatform, "facebook telegram twitter youtube instagram whatsapp google tiktok vkontakte change.org"},
    {kRu, kNonName | kPlatform, "фейсбук телеграм телеграмм ютуб инстаграм вотсап ватсап"},
    {kFr, kNonName, "droits humains homme national nationale etat republique federal supreme general "
        "generale region ville rue place avenue boulevard europeen europeenne kazakh kazakhe russe "
        "francais francaise central centrale nord sud est ouest justice interieur affaires etrangeres "
        "securite liberte libertes paix femmes jeunesse palais chateau"},
    {kRu, kNonName, "республика область район город улица проспект площадь государственный национальный "
        "международный казахстанский российский центральный северный южный восточный западный "
        "генеральный верховный областной городской районный бог православный"},
    {kEn, kEvent, "day week year summit conference award prize games olympics olympic festival cup "
        "championship review report index plan programme program strategy agenda goals week's "
        "day's anniversary election elections referendum mechanism procedure"},
    {kFr, kEvent, "journee jour semaine sommet conference prix festival rapport programme strategie "
        "election elections referendum mecanisme procedure"},
    {kRu, kEvent, "день неделя саммит конференция форум премия фестиваль доклад отчет программа "
        "стратегия кубок олимпиада выборы референдум механизм процедура"},
    {kEn, kLegal, "code covenant convention constitution article law act decree resolution declaration "
        "charter protocol bill amendment treaty regulation regulations principles guidelines "
        "paragraph section chapter clause statute"},
    {kFr, kLegal, "code pacte convention constitution article loi decret resolution declaration charte "
        "protocole traite amendement reglement alinea paragraphe ordonnance"},
    {kRu, kLegal, "коап кодекс конвенция конституция статья закон указ постановление пакт декларация "
        "протокол поправка договор резолюция правила пункт часть"},
    {kEn, kMonth, "january february march april may june july august september october november "
        "december monday tuesday wednesday thursday friday saturday sunday"},
    {kFr, kMonth, "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
        "lundi mardi mercredi jeudi vendredi samedi dimanche"},
    {kRu, kMonth, "январь января январе февраль февраля феврале март марта марте апрель апреля апреле "
        "май мая мае июнь июня июне июль июля июле август августа августе сентябрь сентября "
        "сентябре октябрь октября октябре ноябрь ноября ноябре декабрь декабря декабре понедельник "
        "вторник среда среду четверг пятница пятницу суббота субботу воскресенье"},

    // --- all-caps words that are not organisations ---
    {kLatin, kNotOrgAcronym, "covid sars hiv aids lgbt lgbti lgbtq lgbtqi ngo ngos ingo ceo cfo tv pdf id "
        "sms usd eur kzt rub gdp it pr hr ok fm am pm utc gmt bc ad vip sos mp mps upr udhr iccpr icescr "
        "cedaw sdg sdgs faq url www html gps ai dna adn ttc ht tb ong vih sida gdpr rgpd pib tva sa sarl rip usa us uk gb mb kb uab td foi usb mw kw gw kwh mwh "
        "fir ussr ii iii iv vi vii viii ix xi xii xiii xiv xv xvi xvii xviii xix xx xxi"},
    {kRu, kNotOrgAcronym, "ук упк гпк рк рф сша ссср кнр оаэ нко нпо ооо тоо ао оф оо сми вич спид лгбт "
        "лгбти ввп фио иин бин дтп чп ип тв сизо шизо пкт епкт"},
};
// clang-format on

/// Russian inflectional endings stripped by word_key, longest first.
constexpr std::array<std::string_view, 44> kRussianEndings = {
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ием", "ией",
    "ой", "ей", "ом", "ем", "ым", "им", "ую", "юю", "ая", "яя", "ою", "ею", "ий", "ый", "ия", "ию",
    "ии", "ах", "ях", "ам", "ям", "ое", "ее", "ые", "ие", "ых", "их",
    "а", "я", "у", "ю", "е", "ы", "и"};
constexpr std::array<std::string_view, 4> kRussianShortEndings = {"о", "ь", "й", "ё"};

/// Compares from the last byte, which fails fast without a call to memcmp (the hot path).
bool ends_with(std::string_view s, std::string_view tail) {
    if (s.size() < tail.size()) return false;
    for (std::size_t k = 1; k <= tail.size(); ++k)
        if (s[s.size() - k] != tail[tail.size() - k]) return false;
    return true;
}

std::string_view russian_key(std::string_view term) {
    constexpr std::size_t kMinStemBytes = 6;  // three Cyrillic letters
    for (std::string_view e : kRussianEndings)
        if (ends_with(term, e) && term.size() - e.size() >= kMinStemBytes)
            return term.substr(0, term.size() - e.size());
    for (std::string_view e : kRussianShortEndings)
        if (ends_with(term, e) && term.size() - e.size() >= kMinStemBytes)
            return term.substr(0, term.size() - e.size());
    return term;
}

std::string_view latin_key(std::string_view term) {  // plural s/x only: `Marie` must not become `mari`
    if (term.size() > 3 && (term.back() == 's' || term.back() == 'x') && !ends_with(term, "ss"))
        term.remove_suffix(1);
    return term;
}

using Table = absl::flat_hash_map<std::string_view, std::uint32_t, StringHash>;

/// The three tables (en, fr, ru), built once from kGroups.
struct Tables {
    Table en, fr, ru, ru_exact;

    Tables() {
        for (const Group& g : kGroups) add_group(g);
    }

    void add_group(const Group& g) {
        std::string_view words(g.words);
        while (!words.empty()) {
            const std::size_t space = words.find(' ');
            const std::string_view word = words.substr(0, space);
            if (!word.empty()) add_word(g, word);
            if (space == std::string_view::npos) break;
            words.remove_prefix(space + 1);
        }
    }

    // Latin cue words are stored as written and a looked-up term also tries its singular, rather than
    // both losing a final s: that made `Thi` read as `this`, `Mai` as `mais` and `Dan` as `dans`.
    void add_word(const Group& g, std::string_view word) {
        const bool cyrillic = static_cast<unsigned char>(word[0]) >= 0xC0;
        // Russian months are listed in every case form and matched as written: by its key `Майя`
        // would read as `май`.
        if (cyrillic && (g.flags & kMonth)) {
            ru_exact[word] |= g.flags;
            return;
        }
        const std::string_view key = cyrillic ? russian_key(word) : word;
        if (g.langs & kEn) en[key] |= g.flags;
        if (g.langs & kFr) fr[key] |= g.flags;
        if (g.langs & kRu) ru[key] |= g.flags;
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

std::uint32_t find(const Table& table, std::string_view key) {
    const auto it = table.find(key);
    return it == table.end() ? 0u : it->second;
}

/// Flags of a Latin term: its own entry and its singular's (`activists`, `Committees`, `militantes`).
std::uint32_t find_latin(const Table& table, std::string_view term) {
    const std::string_view singular = latin_key(term);
    const std::uint32_t as_plural = singular.size() < term.size() ? find(table, singular) : 0u;
    // A parliament's own word has no plural in running text: `Dumas` is a surname, not `Duma`.
    return find(table, term) | ((as_plural & kAssembly) ? 0u : as_plural);
}

constexpr std::uint32_t kShared =
    kOrgHead | kRole | kLegal | kEvent | kNonName | kNotOrgAcronym | kAssembly | kPrize | kPlatform | kCompanyForm |
    kTerritory;

}  // namespace

std::string_view word_key(std::string_view term, bool cyrillic) {
    return cyrillic ? russian_key(term) : latin_key(term);
}

std::uint32_t lookup(std::string_view term, bool cyrillic, Lang lang) {
    const Tables& t = tables();
    if (cyrillic) return find(t.ru, russian_key(term)) | find(t.ru_exact, term);
    const bool french = lang == Lang::fr;
    const std::uint32_t own = find_latin(french ? t.fr : t.en, term);
    const std::uint32_t flags = own | (find_latin(french ? t.en : t.fr, term) & kShared);
    // `S.A.`, `S.R.L.`, `N.V.`: a company form written with periods between its letters.
    if (flags == 0 && term.size() <= 8 && term.find('.') != std::string_view::npos) {
        std::string letters;
        for (char c : term)
            if (c != '.') letters += c;
        const std::uint32_t form = find(t.en, letters);
        return form & kCompanyForm ? form & (kCompanyForm | kOrgHead) : 0u;
    }
    return flags;
}

bool has_name_ending(std::string_view term, bool cyrillic) {
    static constexpr std::array<std::string_view, 23> kCyrillicStems = {
        "ович", "евич", "овн", "евн", "ичн", "ов", "ев", "ёв", "ин", "ын", "ск", "цк", "енко", "ук", "юк",
        "ян", "швили", "дзе", "улы", "кызы", "ұлы", "қызы", "бек"};
    static constexpr std::array<std::string_view, 15> kCyrillicCases = {
        "", "а", "у", "ым", "ом", "е", "ой", "ою", "ых", "ы", "ым", "ий", "ая", "ого", "ую"};
    static constexpr std::array<std::string_view, 18> kLatinEndings = {
        "ovich", "evich", "ovna", "evna", "ov", "ova", "ev", "eva", "yev", "yeva", "enko", "sky", "skiy",
        "skaya", "shvili", "dze", "uly", "kyzy"};
    if (!cyrillic) {
        // Three letters before `-ev`/`-ov` endings are too few to tell a surname (`Popova`) from a
        // place (`Geneva`); four are asked for.
        for (std::string_view e : kLatinEndings)
            if (ends_with(term, e) && term.size() > e.size() + (e.size() <= 3 ? 3 : 2)) return true;
        return false;
    }
    // `-ск`, `-цк` end surnames only with an adjective's ending (`Загорский`, `Загорской`); bare or with a
    // noun's (`Минске`, `Уральска`) they end towns.
    static constexpr std::array<std::string_view, 8> kAdjectiveCases = {"ий", "ая", "ого", "ую", "ой", "ым", "ых", "ою"};
    for (std::string_view c : kCyrillicCases) {
        if (!ends_with(term, c)) continue;
        const std::string_view stem = term.substr(0, term.size() - c.size());
        for (std::string_view s : kCyrillicStems) {
            if (!ends_with(stem, s) || stem.size() < s.size() + 4) continue;
            const bool town_stem = s == "ск" || s == "цк";
            if (!town_stem || std::find(kAdjectiveCases.begin(), kAdjectiveCases.end(), c) != kAdjectiveCases.end())
                return true;
        }
    }
    return false;
}

bool is_russian_adjective(std::string_view term) {
    static constexpr std::array<std::string_view, 20> kEndings = {
        "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ых",
        "их", "ую", "юю", "ей"};
    // The prepositional `-ом`/`-ем` is a noun's instrumental too (`судом`); after `н`, `ск`, `цк`, `ш`
    // it is an adjective's (`окружном`, `городском`, `Высшем`).
    static constexpr std::array<std::string_view, 4> kPrepositional = {"ном", "ском", "цком", "шем"};
    if (term.size() < 8) return false;
    if (ends_with(term, "ией")) return false;  // a noun's instrumental (`миграцией`, `комиссией`)
    return std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view e) { return ends_with(term, e); }) ||
           std::any_of(kPrepositional.begin(), kPrepositional.end(), [&](std::string_view e) { return ends_with(term, e); });
}

bool is_russian_verb(std::string_view term) {
    static constexpr std::array<std::string_view, 17> kEndings = {
        "ла", "ли", "ло", "ил", "ал", "ял", "ел", "ул", "ет", "ит", "ют", "ят", "ут", "ать", "ить", "ся", "сь"};
    if (term.size() < 8) return false;  // four letters at least: `дел`, `сил` are nouns
    return std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view e) { return ends_with(term, e); });
}

bool is_russian_short_participle(std::string_view term) {
    // `проведена`, `возбуждено`, `выявлены`, `совершено`: a passive participle's short form (not
    // `цены`, `замены`, `охраны`, which end in -на/-ны after other letters).
    static constexpr std::array<std::string_view, 7> kStems = {"де", "ле", "ше", "же", "че", "ще", "ве"};
    static constexpr std::array<std::string_view, 3> kEndings = {"на", "но", "ны"};
    if (term.size() < 12) return false;  // six letters at least: `жена`, `члены` are nouns
    for (std::string_view e : kEndings) {
        if (!ends_with(term, e)) continue;
        const std::string_view stem = term.substr(0, term.size() - e.size());
        return std::any_of(kStems.begin(), kStems.end(), [&](std::string_view st) { return ends_with(stem, st); });
    }
    return false;
}

bool is_russian_genitive(std::string_view term) {
    static constexpr std::array<std::string_view, 9> kEndings = {
        "а", "я", "ы", "и", "ов", "ев", "ей", "ого", "его"};
    if (term.size() < 6) return false;
    if (ends_with(term, "ски")) return false;  // adverbs: `фактически`, `практически`
    return std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view e) { return ends_with(term, e); });
}

bool is_russian_bare_genitive_plural(std::string_view term) {
    // Genitive plurals without an ending that recur in the names of bodies: `защиты прав`,
    // `против пыток`, `внутренних дел`, `вооружённых сил`, `мест лишения свободы`.
    static constexpr std::array<std::string_view, 12> kWords = {
        "прав", "пыток", "дел", "сил", "войск", "свобод", "женщин", "граждан", "лиц", "мест", "наук", "средств"};
    return std::find(kWords.begin(), kWords.end(), term) != kWords.end();
}

bool is_russian_verbal_noun(std::string_view term) {
    // Stems chosen so that names do not match: `Евгения`, `Ксения`, `Стефания` end otherwise.
    static constexpr std::array<std::string_view, 14> kStems = {
        "шени", "жени", "лени", "чени", "щени", "дени", "нени", "рени", "тени", "вани", "жани", "зани", "шани", "чани"};
    static constexpr std::array<std::string_view, 9> kCases = {"е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях"};
    static constexpr std::array<std::string_view, 17> kWhole = {
        "ость", "ости", "остью", "остей", "ство", "ства", "ству", "ством", "стве", "ств", "ствам", "ствами", "ствах",
        "ствие", "ствия", "ствию", "ствием"};
    if (term.size() < 12) return false;  // six letters at least: `Кости` is a name
    for (std::string_view c : kCases) {
        if (!ends_with(term, c)) continue;
        const std::string_view stem = term.substr(0, term.size() - c.size());
        for (std::string_view st : kStems)
            if (ends_with(stem, st)) return true;
    }
    return std::any_of(kWhole.begin(), kWhole.end(), [&](std::string_view e) { return ends_with(term, e); });
}

bool is_french_adjective(std::string_view term) {
    static constexpr std::array<std::string_view, 24> kEndings = {
        "al", "ale", "aux", "el", "elle", "ien", "ienne", "ais", "aise", "ique", "aire", "if", "ive",
        "ee", "ant", "ante", "eur", "ain", "aine", "een", "enne", "iste", "oise", "ier"};
    static constexpr std::array<std::string_view, 10> kWords = {"supreme", "russe", "unies", "unis", "mondial",
                                                               "mondiale", "civil", "civile", "civils", "civiles"};
    if (std::find(kWords.begin(), kWords.end(), term) != kWords.end()) return true;
    if (term.size() < 4) return false;
    if (ends_with(term, "pelle")) return false;  // `rappelle`, `appelle`: verbs, not `-elle` adjectives
    // `étrangères`, `financière`, `première`: -ère adjectives (long enough not to be `mère`, `frère`).
    if (term.size() >= 7 && (ends_with(term, "ere") || ends_with(term, "eres"))) return true;
    if (ends_with(term, "ais") || ends_with(term, "aux")) return true;
    // `vaudois`, `genevois`, `québécois` (not `mois`, `fois` or the adverbs made of `fois`).
    if (term.size() >= 7 && ends_with(term, "ois") && !ends_with(term, "fois")) return true;
    std::string_view base = term;
    if (base.back() == 's' || base.back() == 'x') base.remove_suffix(1);
    // Subjunctives of tenir, venir and their compounds (`maintienne`, `parvienne`) end like adjectives
    // of place (`tchadienne`, `chrétienne`), but the part before is a verb prefix.
    static constexpr std::array<std::string_view, 18> kVerbPrefixes = {
        "", "main", "sou", "ob", "re", "de", "con", "appar", "entre", "abs", "par", "inter", "pro", "sur",
        "pre", "sub", "ad", "contre"};
    for (std::string_view verb : {std::string_view("tienne"), std::string_view("vienne")}) {
        if (!ends_with(base, verb)) continue;
        const std::string_view prefix = base.substr(0, base.size() - verb.size());
        if (std::find(kVerbPrefixes.begin(), kVerbPrefixes.end(), prefix) != kVerbPrefixes.end()) return false;
    }
    if (ends_with(base, "eure") && base.size() >= 8) return true;  // `supérieure`, `intérieure`
    if (ends_with(base, "e") && !ends_with(base, "ee") && !ends_with(base, "ale") && !ends_with(base, "elle") &&
        !ends_with(base, "ienne") && !ends_with(base, "aise") && !ends_with(base, "ique") &&
        !ends_with(base, "aire") && !ends_with(base, "ive") && !ends_with(base, "ante") && !ends_with(base, "aine") &&
        !ends_with(base, "eenne") && !ends_with(base, "iste"))
        return false;  // a bare final -e is a verb form more often than an adjective
    return std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view e) { return ends_with(base, e); });
}

}  // namespace agora::cues
