/** @file
 *  @brief The person/organisation recogniser, as tables of {text, expected mentions}, in all three
 *         languages; known entities and the entities file.
 */
#include "test_support.h"

#include "agora/entities/extractor.h"
#include "agora/entities/common_words.h"
#include "agora/entities/recognizer.h"

#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

using agora::CommonWords;
using agora::Analyzer;
using agora::EntityKind;
using agora::EntityRecognizer;
using agora::KnownEntity;
using agora::Lang;
using agora::Mention;
using agora::Token;
using agora::test::TempDir;
using agora::test::write_file;

namespace {

struct MentionCase {
    const char* text;
    std::vector<std::string> mentions;  ///< "person:Surface", "organisation:Surface[ACR]"
};

/// One mention as "kind:surface" with "[acronym]" when there is one.
std::string describe(const Mention& m) {
    std::string out = std::string(agora::kind_name(m.kind)) + ":" + m.surface;
    if (!m.acronym.empty()) out += "[" + m.acronym + "]";
    if (!m.full_name.empty()) out += " = " + m.full_name;
    return out;
}

/// Mentions of @p text, described, in text order.
std::vector<std::string> recognise(EntityRecognizer& recogniser, const std::string& text, Lang lang = Lang::unknown,
                                   const std::vector<Mention>& countries = {}) {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze(text, lang, tokens);
    std::vector<Mention> found;
    recogniser.recognize(text, tokens, countries, found);
    std::vector<std::string> out;
    for (const Mention& m : found) out.push_back(describe(m));
    return out;
}

void check_cases(const std::vector<MentionCase>& cases, Lang lang = Lang::unknown) {
    EntityRecognizer recogniser;
    for (const MentionCase& c : cases) {
        INFO(c.text);
        CHECK(recognise(recogniser, c.text, lang) == c.mentions);
    }
}

/// A country mention covering the first occurrence of @p name in @p text.
Mention country_at(const std::string& text, const std::string& name, const char* code) {
    Mention m;
    m.kind = EntityKind::country;
    m.code = code;
    m.surface = name;
    m.start = static_cast<std::uint32_t>(text.find(name));
    m.end = m.start + static_cast<std::uint32_t>(name.size());
    return m;
}

}  // namespace

TEST_CASE("English persons need a second name word or a cue", "[unit][recognizer]") {
    check_cases({
        {"Human rights defender Evgeniy Zhovtis said the verdict was unfair.", {"person:Evgeniy Zhovtis"}},
        {"President Kassym-Jomart Tokayev signed the decree.", {"person:Kassym-Jomart Tokayev"}},
        {"The court heard Mr. O'Brien on Monday.", {"person:O'Brien"}},
        {"Lawyer Zhovtis appealed.", {"person:Zhovtis"}},
        {"Police detained activist A. Mammadov near the station.", {"person:A. Mammadov"}},
        {"Evgeniy Zhovtis was detained. Later Zhovtis was released.", {"person:Evgeniy Zhovtis", "person:Zhovtis"}},
        {"According to Tokayev, reforms will continue.", {"person:Tokayev"}},
        {"Zhovtis's lawyer was not admitted.", {}},  // a lone word with no cue and no full name
        {"Yesterday the Government met in Almaty.", {}},
        {"In March, Freedom was on everyone's lips.", {}},
    });
}

TEST_CASE("Russian persons: cues, surname endings, inflected forms", "[unit][recognizer]") {
    check_cases({
        {"Правозащитник Евгений Жовтис заявил, что подаст жалобу.", {"person:Евгений Жовтис"}},
        {"Суд приговорил Евгения Жовтиса к четырём годам.", {"person:Евгения Жовтиса"}},
        {"По словам Е. Жовтиса, дело сфабриковано.", {"person:Е. Жовтиса"}},
        {"Затем выступил Токаев.", {"person:Токаев"}},
        {"Президент Кассым-Жомарт Токаев подписал указ.", {"person:Кассым-Жомарт Токаев"}},
        {"Среди них житель Чукотки Игорь Барышников.", {"person:Игорь Барышников"}},
        {"Сам Токаев не ответил.", {"person:Токаев"}},
        {"В Алматы прошла акция.", {}},
        {"В январе Астана объявила конкурс.", {}},
    });
}

TEST_CASE("French persons: honorifics and particles are handled", "[unit][recognizer]") {
    check_cases({
        {"Selon l'avocate Marie-Laure de Villeneuve, la procédure est illégale.",
         {"person:Marie-Laure de Villeneuve"}},
        {"M. Zaher a déclaré qu'il ferait appel.", {"person:Zaher"}},
        {"Me de Villeneuve a saisi le tribunal.", {"person:de Villeneuve"}},
        {"Le militant Oumar Sylla a été arrêté à Conakry.", {"person:Oumar Sylla"}},
        {"Lundi, à Lyon, les avocats ont manifesté.", {}},
    }, Lang::fr);
}

TEST_CASE("English organisations: head words and of/for complements", "[unit][recognizer]") {
    check_cases({
        {"The Ministry of Internal Affairs refused to comment.", {"organisation:Ministry of Internal Affairs"}},
        {"The Office of the UN High Commissioner for Human Rights issued a statement.",
         {"organisation:Office of the UN High Commissioner for Human Rights"}},
        {"Amnesty International and Human Rights Watch called for his release.",
         {"organisation:Amnesty International", "organisation:Human Rights Watch"}},
        {"The Almaty City Court on Tuesday upheld the sentence.", {"organisation:Almaty City Court"}},
        {"He met the head of the Lawyers' Association of Pamir.", {"organisation:Lawyers' Association of Pamir"}},
        {"The case reached Bishkek's Pervomaisky District Court.", {"organisation:Pervomaisky District Court"}},
        {"According to Reporters Without Borders, twenty journalists are in prison.",
         {"organisation:Reporters Without Borders"}},
        {"The Committee to Protect Journalists wrote to him.", {"organisation:Committee to Protect Journalists"}},
        {"The Council of Europe Commissioner for Human Rights visited.", {"organisation:Council of Europe"}},
        {"The committee met.", {}},
    });
}

TEST_CASE("Russian organisations extend over lowercase words to the head and its complement",
          "[unit][recognizer]") {
    check_cases({
        {"Министерство внутренних дел отказалось комментировать.",
         {"organisation:Министерство внутренних дел"}},
        {"Казахстанское международное бюро по правам человека и соблюдению законности обжалует решение.",
         {"organisation:Казахстанское международное бюро по правам человека и соблюдению законности"}},
        {"Термезский городской суд по уголовным делам вынес приговор.",
         {"organisation:Термезский городской суд по уголовным делам"}},
        {"Московский городской суд по иску прокуратуры ликвидировал организацию.",
         {"organisation:Московский городской суд"}},
        {"Генеральная прокуратура добивается блокировки сайтов.", {"organisation:Генеральная прокуратура"}},
        {"Он работал в Департаменте государственных доходов по городу Алматы.",
         {"organisation:Департаменте государственных доходов по городу Алматы"}},
        {"Суд отказал.", {}},  // a lone head word is a generic reference
    });
}

TEST_CASE("quoted names: after an organisation word, or with a capitalised descriptor", "[unit][recognizer]") {
    check_cases({
        {"Общественный фонд «Адил соз» сообщил об этом.", {"organisation:Общественный фонд «Адил соз»"}},
        {"Суд ликвидировал Правозащитный центр «Мемориал».", {"organisation:Правозащитный центр «Мемориал»"}},
        {"Сотрудники фонда «Правовая политика» пришли.", {"organisation:Правовая политика"}},
        {"Он прочитал роман «Анна Каренина» вчера.", {}},  // a title, not a name
    });
}

TEST_CASE("French organisations: lowercase complements, et inside, infinitives and places outside",
          "[unit][recognizer]") {
    check_cases({
        {"La Ligue des droits de l'homme a dénoncé la loi.", {"organisation:Ligue des droits de l'homme"}},
        {"Le Conseil d’État pour contester la décision.", {"organisation:Conseil d’État"}},
        {"La Commission africaine des droits de l’homme et des peuples a été saisie.",
         {"organisation:Commission africaine des droits de l’homme et des peuples"}},
        {"Il dirige le Bureau international kazakhstanais pour les droits humains et l’État de droit.",
         {"organisation:Bureau international kazakhstanais pour les droits humains et l’État de droit"}},
        {"Amnesty International au Sénégal a publié un rapport.", {"organisation:Amnesty International"}},
        {"Il a écrit au ministère de l’Intérieur.", {"organisation:ministère de l’Intérieur"}},
        {"L’Union européenne a réagi.", {"organisation:Union européenne"}},
    }, Lang::fr);
}

TEST_CASE("acronyms: defined in parentheses either way, used alone later", "[unit][recognizer]") {
    check_cases({
        {"The Kazakhstan International Bureau for Human Rights and Rule of Law (KIBHR) appealed. KIBHR said so.",
         {"organisation:Kazakhstan International Bureau for Human Rights and Rule of Law[KIBHR]",
          "organisation:KIBHR[KIBHR]"}},
        {"Fédération internationale pour les droits humains (FIDH) et la FIDH encore.",
         {"organisation:Fédération internationale pour les droits humains[FIDH]", "organisation:FIDH[FIDH]"}},
        {"ОБСЕ и ООН выразили обеспокоенность.", {"organisation:ОБСЕ[ОБСЕ]", "organisation:ООН[ООН]"}},
        {"The OSCE Moscow Mechanism was invoked.", {"organisation:OSCE[OSCE]"}},
        {"COVID restrictions hit LGBT groups and NGOs in part II.", {}},
        {"KEY FINDINGS\nThe report is short.", {}},  // a heading, not acronyms
    });
}

TEST_CASE("long official names: portfolios, fields, ordinals, proper genitives, company forms",
          "[unit][recognizer]") {
    check_cases({
        {"Il a saisi le ministère du Travail, de l’Emploi et de la Sécurité sociale hier.",
         {"organisation:ministère du Travail, de l’Emploi et de la Sécurité sociale"}},
        {"Le ministère de la Justice, de l’avis de ses juristes, a refusé.", {"organisation:ministère de la Justice"}},
        {"Il espère que l’Organisation internationale du travail maintienne sa position.",
         {"organisation:Organisation internationale du travail"}},
    }, Lang::fr);
    check_cases({
        {"The Ministry of Labour, Employment and Social Protection replied.",
         {"organisation:Ministry of Labour, Employment and Social Protection"}},
        {"The Ministry of Justice, Human Rights Watch said, has not replied.",
         {"organisation:Ministry of Justice", "organisation:Human Rights Watch"}},
        {"The case went to the Diyarbakır 4th High Criminal Court on Monday.",
         {"organisation:Diyarbakır 4th High Criminal Court"}},
        {"Officials of the Department of Education, the Philippine National Police (PNP) and others came.",
         {"organisation:Department of Education", "organisation:Philippine National Police[PNP]"}},
        {"Workers of Rahman Knit Composite Ltd went on strike.", {"organisation:Rahman Knit Composite Ltd"}},
        {"AL-AMIRI: Who defends the workers?", {}},  // a speaker label, not a party's acronym
        {"RIGHTS ROUNDUP | Week 25\nCompiled by the desk.", {}},  // a header's title
        {"It defends rights. The RIGHTS group met.", {}},  // a word of the text, in capitals
        {"Presiding Judge Hüseyin Özbay adjourned the case.", {"person:Hüseyin Özbay"}},
        {"She cited the killing of Kian delos Santos in Caloocan.", {"person:Kian delos Santos"}},
    }, Lang::en);
    check_cases({
        {"Комиссия по социальной защите, здравоохранению и семье провела слушания.",
         {"organisation:Комиссия по социальной защите, здравоохранению и семье"}},
        {"Центральная избирательная комиссия Российской Федерации отказала ему.",
         {"organisation:Центральная избирательная комиссия Российской Федерации"}},
        {"В заседании участвовали представители Офиса народного адвоката.",
         {"organisation:Офиса народного адвоката"}},
    }, Lang::ru);
    EntityRecognizer recogniser;
    const std::string citizen = "Гражданин России Руслан Магомедов рассказал об этом.";
    CHECK(recognise(recogniser, citizen, Lang::ru, {country_at(citizen, "России", "RU")}) ==
          std::vector<std::string>{"person:Руслан Магомедов"});
}

TEST_CASE("cue words match as written, and names in lists, genitive chains, platforms and headings",
          "[unit][recognizer]") {
    check_cases({
        // `Thi` is not `this` without its s, and `Mai` is a French month only in French.
        {"The trial of land petitioner Tran Thi Mai was postponed.", {"person:Tran Thi Mai"}},
        {"The letter reached Ursula von der Leyen on Monday.", {"person:Ursula von der Leyen"}},
        {"Cambodia welcomed the work of the Lao Women's Union there.", {"organisation:Lao Women's Union"}},
        {"The appeal went to the Hanoi People's Court on Monday.", {"organisation:Hanoi People's Court"}},
        {"The Working Group on the Universal Periodic Review met.",
         {"organisation:Working Group on the Universal Periodic Review"}},
        {"The project was funded by Irish Aid in 2021.", {"organisation:Irish Aid"}},
        {"Hostels breached the Employees' Minimum Standards of Housing Act.", {}},
        {"OUTCOME NOTE: UNIVERSAL PERIODIC REVIEW\nThe dialogue took place.", {}},
        {"HR manager Lim Wei Ming kept the passports.", {"person:Lim Wei Ming"}},
        {"Dialogue: 22 January 2025, Geneva\n\nThe review began.", {}},
    }, Lang::en);
    check_cases({
        {"Она сообщила о работе с Министерством занятости и сокращения бедности.",
         {"organisation:Министерством занятости и сокращения бедности"}},
        {"Вчера Коллегия адвокатов Азербайджанской Республики приостановила лицензию.",
         {"organisation:Коллегия адвокатов Азербайджанской Республики"}},
        {"Профсоюз журналистов и работников СМИ выступил с заявлением.",
         {"organisation:Профсоюз журналистов и работников СМИ"}},
        {"Ответ прислал Аппарат Защитника прав человека.", {"organisation:Аппарат Защитника прав человека"}},
        {"По словам директора агентства Зафара Мадаминова, дел ещё много.", {"person:Зафара Мадаминова"}},
        {"Дипломатов просят посещать суды в Баку, Душанбе и Минске.", {}},
        {"Журналистка Meydan TV провела в изоляторе год.", {"organisation:Meydan TV"}},
        {"Дело слушал Второй западный окружной военный суд.", {"organisation:Второй западный окружной военный суд"}},
        {"Сотрудники ГУВД Ташкента пришли ночью.", {"organisation:ГУВД Ташкента[ГУВД]"}},
        {"Об этом сообщило издание Идель.Реалии в среду.", {"organisation:Идель.Реалии"}},
    }, Lang::ru);
    EntityRecognizer recogniser;
    const std::string delegation = "Делегация Европейского союза в Узбекистане выразила обеспокоенность.";
    CHECK(recognise(recogniser, delegation, Lang::ru, {country_at(delegation, "Узбекистане", "UZ")}) ==
          std::vector<std::string>{"organisation:Делегация Европейского союза в Узбекистане"});
    check_cases({
        {"Les familles suivent le procès sur la chaîne YouTube Umubavu TV.", {"organisation:Umubavu TV"}},
        {"QUESTION : Où en est la procédure ?\n\nLa défense attend. Nos questions restent.", {}},
        {"Des migrants ont été interceptés par la Garde nationale tunisienne.",
         {"organisation:Garde nationale tunisienne"}},
        {"Le Forum tunisien pour les droits économiques et sociaux a documenté les faits.",
         {"organisation:Forum tunisien pour les droits économiques et sociaux"}},
        {"Il demande que l’Agence européenne de garde-frontières et de garde-côtes cesse ce travail.",
         {"organisation:Agence européenne de garde-frontières et de garde-côtes"}},
        // Signatories one per line: most are organisations by the rules, so the others are too.
        {"Signataires :\nLigue tunisienne des droits de l’homme\nBelle Étoile Solidaire\n"
         "Comité pour le respect des libertés\nAvocats sans frontières\nAssociation des femmes juristes",
         {"organisation:Ligue tunisienne des droits de l’homme", "organisation:Belle Étoile Solidaire",
          "organisation:Comité pour le respect des libertés", "organisation:Avocats sans frontières",
          "organisation:Association des femmes juristes"}},
        // Names one per line that are mostly people stay people.
        {"Présents :\nAmina Diallo\nJean-Paul Mbarga\nComité pour le respect des libertés",
         {"person:Amina Diallo", "person:Jean-Paul Mbarga", "organisation:Comité pour le respect des libertés"}},
    }, Lang::fr);
}

TEST_CASE("names after their kind, bodies sent abroad, named after people, courts in lowercase",
          "[unit][recognizer]") {
    check_cases({
        {"Members of the Lelo party posted photos.", {"organisation:Lelo"}},
        {"She founded the outlets Batumelebi and Netgazeti in Batumi.",
         {"organisation:Batumelebi", "organisation:Netgazeti"}},
        {"The weekly Faraj and the local news site Pomir Nur removed it.",
         {"organisation:Faraj", "organisation:Pomir Nur"}},
        {"In a note, the Permanent Mission of Tajikistan to the United Nations Office at Geneva replied.",
         {"organisation:Permanent Mission of Tajikistan to the United Nations Office at Geneva"}},
        {"He went to the Ministry of Justice at night.", {"organisation:Ministry of Justice"}},
        {"The lawyer Nurbek Asanbek uulu filed the appeal.", {"person:Nurbek Asanbek uulu"}},
        {"Buyers include Karavan Moda SA and the Cotton Campaign.",
         {"organisation:Karavan Moda SA", "organisation:Cotton Campaign"}},
    }, Lang::en);
    check_cases({
        {"Она окончила Кыргызский национальный университет имени Жусупа Баласагына.",
         {"organisation:Кыргызский национальный университет имени Жусупа Баласагына"}},
        {"Ей вручили премию имени Анны Политковской.", {}},
        {"Суд прошёл утром. В Южном окружном военном суде начались прения.",
         {"organisation:Южном окружном военном суде"}},
        {"Заседание Южного окружного военного суда перенесли.", {"organisation:Южного окружного военного суда"}},
        {"Она работала в школах Мангистауской области.", {}},
        {"Он ответил корреспонденту РИА «Дагестан» коротко.", {"organisation:РИА «Дагестан»"}},
    }, Lang::ru);
    check_cases({
        {"Le tribunal de première instance de Casablanca l’a condamné. Le tribunal a refusé.",
         {"organisation:tribunal de première instance de Casablanca"}},
        {"Il a écrit au ministère des Affaires étrangères hier.", {"organisation:ministère des Affaires étrangères"}},
    }, Lang::fr);
}

TEST_CASE("streets, imperatives, plural surnames, subjects of study and short names defined in brackets",
          "[unit][recognizer]") {
    check_cases({
        {"Hier, Claire Dumas-Ferrand a écrit.", {"person:Claire Dumas-Ferrand"}},  // `Dumas` is no Duma
        {"La délégation a remonté l’avenue Gamal Abdel Nasser à pied.", {}},
        {"Celui de Lakhdar ben Aïssa est différent.", {"person:Lakhdar ben Aïssa"}},
        {"La fille de Zeinabou mint Abdallahi a parlé.", {"person:Zeinabou mint Abdallahi"}},
        {"La bâtonnière Anne-Sophie de Wasseige a ouvert la séance.", {"person:Anne-Sophie de Wasseige"}},
    }, Lang::fr);
    check_cases({
        {"She teaches law at Harvard University.", {"organisation:Harvard University"}},
        {"Asked by Fiona Bramwell (Liberal Democrats) on Monday.",
         {"person:Fiona Bramwell", "organisation:Liberal Democrats"}},
        {"The sanctions are listed by HM Treasury today.", {"organisation:HM Treasury"}},
        {"The notice is published on GOV.UK today.", {}},
    }, Lang::en);
    check_cases({
        {"Обыск прошёл в редакции на улице Курманжан Датки.", {}},
        {"Передайте Кольцовой мои слова.", {"person:Кольцовой"}},
        {"Президент Майя Санду ответила.", {"person:Майя Санду"}},  // `Майя` is no month
        {"Сотрудники Финпола (Службы по борьбе с экономическими преступлениями) пришли.",
         {"organisation:Финпола = Службы по борьбе с экономическими преступлениями",
          "organisation:Службы по борьбе с экономическими преступлениями"}},
        {"Утром Служба по борьбе с экстремизмом и незаконной миграцией провела обыск.",
         {"organisation:Служба по борьбе с экстремизмом и незаконной миграцией"}},
    }, Lang::ru);
}

TEST_CASE("what a body does before its head, branches by area, numbers after a head, places after a role",
          "[unit][recognizer]") {
    check_cases({
        {"The Election Commission of Sri Lanka said so.", {"organisation:Election Commission of Sri Lanka"}},
        {"The Law Society of England and Wales wrote.", {"organisation:Law Society of England and Wales"}},
        {"The International Covenant protects it.", {}},
        {"The guest worked for Kanal 13 until May.", {"organisation:Kanal 13"}},
        {"Researchers at the Citizen Lab found the implant.", {"organisation:Citizen Lab"}},
    }, Lang::en);
    check_cases({
        {"Сотрудники МВД по Республике Ингушетия задержали его.", {"organisation:МВД по Республике Ингушетия[МВД]"}},
        {"В ОМВД России по району Кузьминки его допросили.",
         {"organisation:ОМВД России по району Кузьминки[ОМВД]"}},
        {"На митинг пришёл глава Ингушетии Юнус-Бек Евкуров.", {"person:Юнус-Бек Евкуров"}},
        {"Грузинская ассоциация помощи беженцам ответила.", {"organisation:Грузинская ассоциация помощи беженцам"}},
        {"Активист Ислам Албаков задержан.", {"person:Ислам Албаков"}},
        {"Депутаты Бундестага приехали.", {"organisation:Бундестага"}},
    }, Lang::ru);
    check_cases({
        {"Le Comité africain d’experts sur les droits et le bien-être de l’enfant a statué.",
         {"organisation:Comité africain d’experts sur les droits et le bien-être de l’enfant"}},
        {"La Cour régionale supérieure de Coblence a jugé.", {"organisation:Cour régionale supérieure de Coblence"}},
        {"La Chambre des représentants a voté.", {"organisation:Chambre des représentants"}},
    }, Lang::fr);
}

TEST_CASE("a company named without its legal form is the company", "[unit][recognizer]") {
    const std::string text =
        "Inspectors visited Klang Valley Nitrile Sdn Bhd in March. Klang Valley Nitrile did not reply to us.";
    EntityRecognizer recogniser;
    CHECK(recognise(recogniser, text, Lang::en) ==
          std::vector<std::string>{"organisation:Klang Valley Nitrile Sdn Bhd",
                                   "organisation:Klang Valley Nitrile = Klang Valley Nitrile Sdn Bhd"});
    // One organisation, written in two forms.
    Analyzer analyzer;
    agora::EntityExtractor extractor(analyzer);
    std::vector<Token> tokens;
    analyzer.analyze(text, Lang::en, tokens);
    const agora::ArticleEntities entities = extractor.extract("", {}, text, tokens);
    REQUIRE(entities.organisations.size() == 1);
    CHECK(entities.organisations.front().forms.size() == 2);
    CHECK(entities.persons.empty());
    // Without the full name in the text, the rules alone decide.
    CHECK(recognise(recogniser, "Klang Valley Nitrile did not reply to us.", Lang::en) ==
          std::vector<std::string>{"person:Klang Valley Nitrile"});
}

TEST_CASE("embassies in a city, dotted company forms, areas joined by и, districts with their city, regions "
          "after в, surnames with initials after an area", "[unit][recognizer]") {
    check_cases({
        {"Copies went to the Royal Norwegian Embassy in London.", {"organisation:Royal Norwegian Embassy in London"}},
        {"Guards employed by Palmeras del Aguán S.A. fired at the camp.",
         {"organisation:Palmeras del Aguán S.A."}},
    }, Lang::en);
    check_cases({
        {"Les ouvrages des Éditions Karthala et des Presses universitaires de Rennes sont arrivés.",
         {"organisation:Éditions Karthala", "organisation:Presses universitaires de Rennes"}},
    }, Lang::fr);
    check_cases({
        {"Этапирование подтвердило УФСИН России по г. Санкт-Петербургу и Ленинградской области.",
         {"organisation:УФСИН России по г. Санкт-Петербургу и Ленинградской области[УФСИН]"}},
        {"Протокол составил ОМВД России по Басманному району г. Москвы вчера.",
         {"organisation:ОМВД России по Басманному району г. Москвы[ОМВД]"}},
        {"Жалоба направлена в Государственную инспекцию труда в Свердловской области.",
         {"organisation:Государственную инспекцию труда в Свердловской области"}},
        {"Юрист связался с Генеральным консульством Азербайджанской Республики в Санкт-Петербурге вчера.",
         {"organisation:Генеральным консульством Азербайджанской Республики в Санкт-Петербурге"}},
        {"Постановление следователя Следственного управления по Республике Башкортостан Хабибуллина Д. Р. получено.",
         {"organisation:Следственного управления по Республике Башкортостан", "person:Хабибуллина Д. Р."}},
        {"Помощь оказана при содействии Карельского отделения Российского Красного Креста.",
         {"organisation:Карельского отделения Российского Красного Креста"}},
        {"Звонившая переадресована к координатору проекта Турдиевой.", {"person:Турдиевой"}},
        {"Двери комитета всегда открыты.", {}},
        {"ИТОГО: 14 обращений.", {}},
    }, Lang::ru);
}

TEST_CASE("bars, hospitals and Malay universities, lowercase labour courts and hospitals, verbs after a "
          "ministry's portfolios, adjectives joined by и, field labels", "[unit][recognizer]") {
    check_cases({
        {"Lawyers of the Malaysian Bar and staff of Universiti Malaya met at Kitwe Teaching Hospital.",
         {"organisation:Malaysian Bar", "organisation:Universiti Malaya", "organisation:Kitwe Teaching Hospital"}},
        {"Age: 23\nNationality: Nigerian\n", {}},
    }, Lang::en);
    check_cases({
        {"Elle a saisi le conseil de prud’hommes de Nanterre en mars.",
         {"organisation:conseil de prud’hommes de Nanterre"}},
        {"Elle a été soignée au centre hospitalier universitaire de Montpellier.",
         {"organisation:centre hospitalier universitaire de Montpellier"}},
        {"Le ministère de la Communication, des Télécommunications et du Numérique rappelle la loi.",
         {"organisation:ministère de la Communication, des Télécommunications et du Numérique"}},
        {"Âge déclaré : 23 ans\nLangues : anglais\n", {}},
    }, Lang::fr);
    check_cases({
        {"Справку выдало Отделение Фонда пенсионного и социального страхования Российской Федерации по Пензенской "
         "области.",
         {"organisation:Отделение Фонда пенсионного и социального страхования Российской Федерации по Пензенской "
          "области"}},
    }, Lang::ru);
}

TEST_CASE("a country named only inside a person's or an organisation's name is not a country mention",
          "[unit][recognizer]") {
    Analyzer analyzer;
    agora::EntityExtractor extractor(analyzer);
    const auto countries = [&](const std::string& text, Lang lang) {
        std::vector<Token> tokens;
        analyzer.analyze(text, lang, tokens);
        std::vector<std::string> codes;
        for (const agora::DocEntity& c : extractor.extract("", {}, text, tokens).countries) codes.push_back(c.key);
        return codes;
    };
    CHECK(countries("Обыск провели сотрудники ГУ МВД России по Воронежской области.", Lang::ru).empty());
    CHECK(countries("Les livres ont été offerts par l’ambassade de Suisse à Paris.", Lang::fr).empty());
    CHECK(countries("Les livres ont été offerts par l’ambassade de Suisse. La Suisse les a payés.", Lang::fr) ==
          std::vector<std::string>{"CH"});
    CHECK(countries("He joined the Supreme Court of Kenya in 2019.", Lang::en).empty());
    // (A country written before a body's capitalised head is a mention, and no part of the body's name.)
    CHECK(countries("В Эстонии Департамент полиции отказал.", Lang::ru) == std::vector<std::string>{"EE"});
    std::vector<Token> tokens;
    const std::string text = "В Эстонии Департамент полиции отказал.";
    analyzer.analyze(text, Lang::ru, tokens);
    std::vector<std::string> names;
    for (const agora::DocEntity& o : extractor.extract("", {}, text, tokens).organisations) names.push_back(o.display);
    CHECK(names == std::vector<std::string>{"Департамент полиции"});
}

TEST_CASE("exclusions: months, legal instruments, places, sentence starts", "[unit][recognizer]") {
    check_cases({
        {"On Monday, President Tokayev signed the Law on Peaceful Assemblies.", {"person:Tokayev"}},
        {"The Criminal Code and Article 174 were criticised.", {}},
        {"The International Covenant on Civil and Political Rights applies.", {}},
        {"He was born in Ust-Kamenogorsk and lives in New York.", {}},
        {"Уголовный кодекс и Конституция Казахстана запрещают это.", {}},
        {"Central Asia remains closed. Human Rights Day passed quietly.", {}},
    });
}

TEST_CASE("other genres: speech in quotes, media and party words, parliaments, field labels", "[unit][recognizer]") {
    check_cases({
        // a long quotation is speech: names inside it are read; a short quoted title is still skipped
        {"“Nobody at the State Prosecution Office has ever answered our letters,” the lawyer said.",
         {"organisation:State Prosecution Office"}},
        {"He read “Silent Steppe Voices” last year.", {}},
        // a capitalised name right after a media or party word
        {"The story was confirmed by the online outlet Vlast on Friday.", {"organisation:Vlast"}},
        {"She founded the weekly Uralskaya Nedelya in 2005.", {"organisation:Uralskaya Nedelya"}},
        // parliaments named by their own word
        {"The Milli Majlis voted on the bill.", {"organisation:Milli Majlis"}},
        // a role or a field label after the head ends the organisation
        {"Contact: Aliya Serikova, Press Officer, Legal Media Centre",
         {"person:Aliya Serikova", "organisation:Legal Media Centre"}},
        {"Media Contact: the press office", {}},
        {"Bar Association President Timur Akhmetov said the rules were unfair.",
         {"organisation:Bar Association", "person:Timur Akhmetov"}},
        // a plural subject of a bare present verb, and a prize's eponym, are not persons
        {"Relatives say he was beaten in custody.", {}},
        {"The Vaclav Havel Prize went to a lawyer.", {}},
        {"INTERVIEWER: Good morning.\nThe Date Hearing was moved.", {}},
    });
}

TEST_CASE("other genres in Russian: parliaments, form words, verbal nouns, places", "[unit][recognizer]") {
    check_cases({
        {"Мажилис принял закон во втором чтении.", {"organisation:Мажилис"}},
        {"Спикер Жогорку Кенеша Нурланбек Шакиев выступил с речью.",
         {"organisation:Жогорку Кенеша", "person:Нурланбек Шакиев"}},
        {"Центр по противодействию экстремизму задержал активиста.",
         {"organisation:Центр по противодействию экстремизму"}},
        {"Депутат фракции «Ата Мекен» выступил против.", {"organisation:Ата Мекен"}},
        {"Их обвинили в участии в группировке «Хизб ут-Тахрир» без доказательств.",
         {"organisation:Хизб ут-Тахрир"}},
        {"Журналист телеканала Дождь рассказал об обыске.", {"organisation:Дождь"}},
        {"Решения Токаева вызвали споры.", {"person:Токаева"}},
        {"Задержание Ивановой осудили правозащитники.", {"person:Ивановой"}},
        {"В Караганде задержали активиста.", {}},
        {"Ему вручили премию Андрея Сахарова.", {}},
        {"Евгения Жовтиса вызвали в суд.", {"person:Евгения Жовтиса"}},
    }, Lang::ru);
}

TEST_CASE("other genres in French: newspapers, parties in apposition, court names", "[unit][recognizer]") {
    check_cases({
        {"L’article du quotidien Le Pays a été repris partout.", {"organisation:Le Pays"}},
        {"Son parti, Renouveau, a boycotté le scrutin.", {"organisation:Renouveau"}},
        {"« Le Tribunal administratif de Niamey a déjà annulé ces mesures », a-t-il rappelé.",
         {"organisation:Tribunal administratif de Niamey"}},
        {"Le Tribunal de grande instance de Lomé a jugé l’affaire.",
         {"organisation:Tribunal de grande instance de Lomé"}},
        {"La défense saisira la Cour suprême en cas de rejet.", {"organisation:Cour suprême"}},
        {"Il a reçu le prix Albert Londres en 2019.", {}},
        {"Affaire : Ministère public c. Koffi Mensah", {"person:Koffi Mensah"}},
    }, Lang::fr);
}

TEST_CASE("affiliation columns, bracketed short names, courts with their city, form words before a name",
          "[unit][recognizer]") {
    {
        // A person, a dash, a name, a comma and a country that ends the line: the name is an affiliation.
        const std::string list = "Speakers\n1. Anna Lindqvist – Baltic Courier, Sweden\n2. Peter Holm – Reuters, Denmark\n";
        EntityRecognizer recogniser;
        CHECK(recognise(recogniser, list, Lang::en,
                        {country_at(list, "Sweden", "SE"), country_at(list, "Denmark", "DK")}) ==
              std::vector<std::string>{"person:Anna Lindqvist", "organisation:Baltic Courier", "person:Peter Holm",
                                       "organisation:Reuters"});
    }
    check_cases({
        {"The appeal goes to the Higher Court in Novi Sad next month.", {"organisation:Higher Court in Novi Sad"}},
        {"The report was funded by the network Open Harbour and published in May.",
         {"organisation:Open Harbour"}},
        {"The Data Protection Authority fined the firm.", {"organisation:Data Protection Authority"}},
        {"The European Centre for Press and Media Freedom counted the alerts.",
         {"organisation:European Centre for Press and Media Freedom"}},
    }, Lang::en);
    check_cases({
        {"Elle a rejoint l’Institut des hautes études de droit comparé (IHEDC) en 2019.",
         {"organisation:Institut des hautes études de droit comparé[IHEDC]"}},
        {"Il est bénévole de l’association Terre Ouverte depuis dix ans.", {"organisation:Terre Ouverte"}},
        {"Elle est inscrite au barreau de Lyon depuis 2015.", {"organisation:barreau de Lyon"}},
        {"Il enseigne à l’Université Descartes Paris 5.", {"organisation:Université Descartes Paris 5"}},
        {"Ordre du jour de la séance du 3 mars.", {}},
    }, Lang::fr);
    check_cases({
        {"Дело передали в Кировский районный суд в Самаре.", {"organisation:Кировский районный суд в Самаре"}},
        {"Жалобу рассмотрит Ленинский районный суд г. Уфы.", {"organisation:Ленинский районный суд г. Уфы"}},
        {"Она работает в Тверском центре помощи детям «Надежда».",
         {"organisation:Тверском центре помощи детям «Надежда»"}},
        {"Напоминаем, что Женевская конвенция запрещает пытки.", {}},
        {"Уральского журналиста задержали в аэропорту.", {}},
        {"Следствие считает иначе.", {}},
        {"Протокол составило УМВД России по Тверской области.",
         {"organisation:УМВД России по Тверской области[УМВД]"}},
        {"Суды по-прежнему отказывают в иске.", {}},
    }, Lang::ru);
    check_cases({
        {"FLV0042 Marta Ellison (written evidence)", {"person:Marta Ellison"}},
        {"The cargo was chartered by Blue Reef Trading FZE last year.", {"organisation:Blue Reef Trading FZE"}},
        {"The Rapid Support Forces shelled the camp.", {"organisation:Rapid Support Forces"}},
        {"She is represented by Marsh & Keane Solicitors in London.", {"organisation:Marsh & Keane Solicitors"}},
        {"He was stopped at Ferenc Liszt International Airport on Friday.", {}},
    }, Lang::en);
    check_cases({
        {"Заключение подписал эксперт Приморского областного суда Е. В. Семёнова.",
         {"organisation:Приморского областного суда", "person:Е. В. Семёнова"}},
    }, Lang::ru);
    check_cases({
        {"Le dossier a été transmis à la préfecture du Calvados hier.", {"organisation:préfecture du Calvados"}},
    }, Lang::fr);
}

TEST_CASE("surnames before initials, hyphenated ranks, ordinals and Spanish names of bodies, quotes "
          "opening a paragraph", "[unit][recognizer]") {
    check_cases({
        {"Please state whether Sub-Inspector Tobias Mwenda-Kiplagat has been suspended.",
         {"person:Tobias Mwenda-Kiplagat"}},
        {"Judge Ana Quiroa of the Second Instance Civil Court of Cobán granted bail.",
         {"person:Ana Quiroa", "organisation:Second Instance Civil Court of Cobán"}},
        {"Staff of the Procuraduría de los Derechos Humanos visited the station.",
         {"organisation:Procuraduría de los Derechos Humanos"}},
        {"The National Institute of Forensic Sciences (Ciencias Forenses) opened its laboratory.",
         {"organisation:National Institute of Forensic Sciences",
          "organisation:Ciencias Forenses = National Institute of Forensic Sciences"}},
        // The quotation opening the second paragraph closes after `answer.`; the name is outside it.
        {"The office said:\n\n\"We will answer.\" Halima Osei-Bonsu said so.", {"person:Halima Osei-Bonsu"}},
        {"Boats still cross Lake Malawi at night.", {}},
        {"The Housing and Planning Committee heard the petition.",
         {"organisation:Housing and Planning Committee"}},
        {"Grants from CCFD-Terre Fertile reached the village.", {"organisation:CCFD-Terre Fertile"}},
        {"A photographer from Baltica-TASR filmed the march.", {"organisation:Baltica-TASR"}},
    }, Lang::en);
    check_cases({
        {"Le dossier a été confié à Erwan Le Floch, avocat à Brest.", {"person:Erwan Le Floch"}},
        {"La préfecture de Loir-et-Cher a répondu le 3 mai.", {"organisation:préfecture de Loir-et-Cher"}},
        {"2. Rencontrer les avocats du barreau de Tours.", {"organisation:barreau de Tours"}},
        {"Le Sahel Institute for Rural Justice a publié un rapport.",
         {"organisation:Sahel Institute for Rural Justice"}},
    }, Lang::fr);
    check_cases({
        {"Главному врачу\nСафиуллину Т. Р.\n\nПрошу предоставить сведения.", {"person:Сафиуллину Т. Р."}},
        {"Я, адвокат Галиуллина Резеда Ильдаровна, прошу приобщить документы.",
         {"person:Галиуллина Резеда Ильдаровна"}},
        {"Протокол подписал Хайруллин И. И. вчера.", {"person:Хайруллин И. И."}},
        {"Председательствовала Т. Кикнадзе, протокол вела секретарь.", {"person:Т. Кикнадзе"}},
        {"Его доставили в Управление МВД России по г. Самаре.", {"organisation:Управление МВД России по г. Самаре"}},
    }, Lang::ru);
}

TEST_CASE("company forms and trades, titled people, acronym lists, clauses in capitals, surnames before "
          "initials after a body", "[unit][recognizer]") {
    check_cases({
        {"Chief Executive Priya Ramaswamy-Holt presented the plan.", {"person:Priya Ramaswamy-Holt"}},
        {"Dame Eleanor Whitcombe opened the debate.", {"person:Eleanor Whitcombe"}},
        {"The vote was advised on by Brightwater Proxy Research.", {"organisation:Brightwater Proxy Research"}},
        {"Trucks of Ferrovia Nord SRL were seized.", {"organisation:Ferrovia Nord SRL"}},
        {"Buses still stop in Cape Town after dark.", {}},
        {"The Jaffna Guardian reported the arrests.", {"organisation:Jaffna Guardian"}},
        {"Their driver, Driver Tomas Okello-Ladu, was held.", {"person:Tomas Okello-Ladu"}},
    }, Lang::en);
    check_cases({
        {"Signataires :\nSNPEN\nCFE-CGC\nSGEN\n", {"organisation:SNPEN", "organisation:CFE-CGC", "organisation:SGEN"}},
        {"VU la loi du 3 mai ;\nCONSIDÉRANT les plaintes reçues ;\nDEMANDE au ministre de répondre.", {}},
        {"9 h 30 – Panel 1 : Juger les journalistes", {}},
    }, Lang::fr);
    check_cases({
        {"Вывод сделал эксперт Экспертно-криминалистического центра ГУ МВД России по Иркутской области "
         "Шишкина А. Л. вчера.",
         {"organisation:Экспертно-криминалистического центра ГУ МВД России по Иркутской области",
          "person:Шишкина А. Л."}},
        {"Допросить Сулейманову М. Р. в суде.", {"person:Сулейманову М. Р."}},
        {"Протокол подписал Кебедов Т. М. Задержание прошло без нарушений.", {"person:Кебедов Т. М."}},
        {"Его доставили в ГБУ РД «Кизлярская центральная больница».",
         {"organisation:ГБУ РД «Кизлярская центральная больница»"}},
        {"Список подписали:\nКим Сергей Владимирович, профессор\nЦхадая Нино Гивиевна, доцент\n",
         {"person:Ким Сергей Владимирович", "person:Цхадая Нино Гивиевна"}},
        {"Уважаемый Ильдус Маратович!", {"person:Ильдус Маратович"}},
        {"Ответ дало Министерство труда, миграции и занятости населения Республики Таджикистан.",
         {"organisation:Министерство труда, миграции и занятости населения Республики Таджикистан"}},
    }, Lang::ru);
}

TEST_CASE("firms with an ampersand, amounts in a currency, a country's body, chained Russian acronyms, "
          "offices of a ministry, numbered bodies, embassies in a city", "[unit][recognizer]") {
    check_cases({
        {"The loss was assessed by Harcourt & Vale Loss Adjusters in May.",
         {"organisation:Harcourt & Vale Loss Adjusters"}},
        {"Letters from Marchetti & Doyle went unanswered.", {"organisation:Marchetti & Doyle"}},
        {"Replacement of equipment: PHP 3,860,000\nLicence fees: 95,000 KGS\n", {}},
        {"Staff of Nepal's Department of Foreign Employment met us.",
         {"organisation:Department of Foreign Employment"}},
    }, Lang::en);
    check_cases({
        {"SELARL Pellerin & Ouvrard, commissaires de justice associés", {"organisation:SELARL Pellerin & Ouvrard"}},
        {"Elle a écrit à la Dre Mounia Ould-Khelifa.", {"person:Mounia Ould-Khelifa"}},
        {"Pièce 7 : article du site Club-K du 20 mars 2023.", {"organisation:Club-K"}},
        {"Une plainte devant la Comisión Nacional de los Derechos Humanos est restée sans suite.",
         {"organisation:Comisión Nacional de los Derechos Humanos"}},
        {"La Guardia Nacional avait un poste à deux kilomètres.", {"organisation:Guardia Nacional"}},
        {"Nous joignons la lettre de l’Ordre des avocats vaudois.", {"organisation:Ordre des avocats vaudois"}},
    }, Lang::fr);
    check_cases({
        {"Обыск провели сотрудники ГУ МВД России по Воронежской области.",
         {"organisation:ГУ МВД России по Воронежской области[ГУ МВД]"}},
        {"Мужа увезли сотрудники УВМ МВД по Республике Татарстан.",
         {"organisation:УВМ МВД по Республике Татарстан[УВМ МВД]"}},
        {"Вчера Управление Министерства юстиции Российской Федерации по Новосибирской области отказало.",
         {"organisation:Управление Министерства юстиции Российской Федерации по Новосибирской области"}},
        {"По сведениям Межрайонной инспекции Федеральной налоговой службы № 16 по Новосибирской области адрес "
         "является адресом массовой регистрации.",
         {"organisation:Межрайонной инспекции Федеральной налоговой службы № 16 по Новосибирской области"}},
        {"Жалоба на действия судьи Верх-Исетского районного суда г. Екатеринбурга Зиновьевой Натальи Олеговны.",
         {"organisation:Верх-Исетского районного суда г. Екатеринбурга", "person:Зиновьевой Натальи Олеговны"}},
        {"Основание: запрос адвоката Адвокатской палаты Воронежской области Шарафиева Эмиля Маратовича.",
         {"organisation:Адвокатской палаты Воронежской области", "person:Шарафиева Эмиля Маратовича"}},
        {"Он направил жалобу в Квалификационную коллегию судей Свердловской области.",
         {"organisation:Квалификационную коллегию судей Свердловской области"}},
        {"Документы переданы в Посольство Федеративной Республики Германия в Ереване.",
         {"organisation:Посольство Федеративной Республики Германия в Ереване"}},
        {"ВЕРЕЩАГИНА: В Латвии Национальный совет по электронным СМИ наказал канал.",
         {"organisation:Национальный совет по электронным СМИ"}},
    }, Lang::ru);
    // A country's name before one ordinary word names a body of that country.
    EntityRecognizer recogniser;
    const std::string en = "Rangers of Uganda Wildlife were blamed.";
    CHECK(recognise(recogniser, en, Lang::en, {country_at(en, "Uganda", "UG")}) ==
          std::vector<std::string>{"organisation:Uganda Wildlife"});
    const std::string fr = "Elle a écrit à France Travail hier.";
    CHECK(recognise(recogniser, fr, Lang::fr, {country_at(fr, "France", "FR")}) ==
          std::vector<std::string>{"organisation:France Travail"});
}

TEST_CASE("surnames in capitals first, company forms that end a name, bodies under a ministry, short "
          "participles, French adjectives from the dictionary, supervisory agencies", "[unit][recognizer]") {
    check_cases({
        {"Members of the panel:\nOYELARAN-WEBB Tolani, rapporteur\nMASCARENHAS Joaquim Pedro, member\n",
         {"person:OYELARAN-WEBB Tolani", "person:MASCARENHAS Joaquim Pedro"}},
        {"Reference: COI Focus 12\nSSP Moses Kiggundu signed it.",
         {"organisation:COI[COI]", "person:Moses Kiggundu"}},
        {"The cameras run software from Larchmont Vision Pte Ltd of Singapore.",
         {"organisation:Larchmont Vision Pte Ltd"}},
        {"Backups were kept by Vilnia Cloud UAB until March.", {"organisation:Vilnia Cloud UAB"}},
        {"She wrote to the Refugee Department under the Ministry of Labour of the Republic of Latvia.",
         {"organisation:Refugee Department under the Ministry of Labour of the Republic of Latvia"}},
        {"An appeal went to the Right to Information Commission in May.",
         {"organisation:Right to Information Commission"}},
        {"Thanks to Amnesty International, the case was heard.", {"organisation:Amnesty International"}},
        {"The second bidder, Harbourline Integrated Systems, was disqualified.",
         {"organisation:Harbourline Integrated Systems"}},
        {"The letter reached Bishop Idowu through Reverend Amos Fairleigh-Obi last week.",
         {"person:Idowu", "person:Amos Fairleigh-Obi"}},
        {"The files went from Thet Hnin Wai to the archive.", {"person:Thet Hnin Wai"}},
    }, Lang::en);
    check_cases({
        {"Le dossier a été transmis à l’association camerounaise Mboa Solidaire hier.",
         {"organisation:Mboa Solidaire"}},
        {"Elle dirige l’Observatoire sahélien des migrations depuis 2019.",
         {"organisation:Observatoire sahélien des migrations"}},
        {"Ouvrage publié avec le soutien du Centre national du livre.", {"organisation:Centre national du livre"}},
        {"I. LES FAITS\n\nLe 3 mai, la militante a été arrêtée.", {}},
        {"Le centre de rétention de Lyon-Saint-Exupéry reste fermé aux interprètes.", {}},
        {"Postface de Clémence Aubry-Ndiaye, sociologue.", {"person:Clémence Aubry-Ndiaye"}},
        {"Elle enseigne à l’université de Sousse depuis 2015.", {"organisation:université de Sousse"}},
        {"Le Ministère public a requis six mois.", {}},
    }, Lang::fr);
    check_cases({
        {"Прокуратурой города проведена проверка по жалобе.", {}},
        {"Жалобы в Управление Федеральной службы исполнения наказаний по Республике Коми остались без ответа.",
         {"organisation:Управление Федеральной службы исполнения наказаний по Республике Коми"}},
        {"2. Копии решений Ленинского районного суда г. Перми — 12 документов.",
         {"organisation:Ленинского районного суда г. Перми"}},
        {"Грант выдал Фонд в защиту гласности в апреле.", {"organisation:Фонд в защиту гласности"}},
        {"Они обратятся с жалобой в Роскомнадзор и в Ванадзор не поедут.", {"organisation:Роскомнадзор"}},
        {"Учредителем является ООО «Медиагруппа „Прикамье“».", {"organisation:ООО «Медиагруппа „Прикамье“»"}},
    }, Lang::ru);
}

TEST_CASE("portfolios of a department, offices named after their holder, two company forms, forms in lower "
          "case, a country's body, Russian company forms and districts, bodies on a country", "[unit][recognizer]") {
    check_cases({
        {"A request went to the Department of Trade, Energy and Fisheries of the Republic of Palau in May.",
         {"organisation:Department of Trade, Energy and Fisheries of the Republic of Palau"}},
        {"The Prosecutor's Office of Osh Region opened a case.", {"organisation:Prosecutor's Office of Osh Region"}},
        {"The turbines come from Hunan Turbine Works Co., Ltd this year.",
         {"organisation:Hunan Turbine Works Co., Ltd"}},
        {"Shares in Lanark Copper plc fell.", {"organisation:Lanark Copper plc"}},
        {"He died at Yongah Hill Immigration Detention Centre in March.", {}},
        {"The fee was set by Ridgeway Gold LLC (\"the Company\") in June.", {"organisation:Ridgeway Gold LLC"}},
        {"Magistrate Hollis Quarrington adjourned the inquest.", {"person:Hollis Quarrington"}},
        {"Panel:\nWENTWORTH-ADEYEMI Clara, chair (CNA)\nHALVORSEN-OKOYE Irene, member\n",
         {"person:WENTWORTH-ADEYEMI Clara", "organisation:CNA[CNA]", "person:HALVORSEN-OKOYE Irene"}},
    }, Lang::en);
    check_cases({
        {"Платежи шли через ПАО Промсвязьбанк и другие банки.", {"organisation:ПАО Промсвязьбанк"}},
        {"Протокол составил сотрудник ОМВД России по Ленинскому городскому району г. Костромы.",
         {"organisation:ОМВД России по Ленинскому городскому району г. Костромы[ОМВД]"}},
        {"Ликвидация АНО по решению Пермского краевого суда вступила в силу.",
         {"organisation:АНО[АНО]", "organisation:Пермского краевого суда"}},
        {"Интересы Рустама представляет адвокат коллегии адвокатов «Кама-Право».",
         {"organisation:Кама-Право"}},
        {"Протокол об административном правонарушении № 59 ВК 0312277 составлен.", {}},
        {"Напишу в редакцию «Пермь-Инфо» сегодня.", {"organisation:Пермь-Инфо"}},
        {"После вступления в силу закона «О защите детей» всё изменилось.", {}},
    }, Lang::ru);
    // With the countries the gazetteer finds.
    EntityRecognizer recogniser;
    const std::string en = "Loans from Export Development Canada paid for the mill.";
    CHECK(recognise(recogniser, en, Lang::en, {country_at(en, "Canada", "CA")}) ==
          std::vector<std::string>{"organisation:Export Development Canada"});
    const std::string ru = "Запрос направлен в МВД Республики Таджикистан в июне.";
    CHECK(recognise(recogniser, ru, Lang::ru, {country_at(ru, "Республики Таджикистан", "TJ")}) ==
          std::vector<std::string>{"organisation:МВД Республики Таджикистан[МВД]"});
    const std::string fr = "Le rapport de la Commission d’enquête des Nations unies sur le Soudan du Sud est paru.";
    CHECK(recognise(recogniser, fr, Lang::fr, {country_at(fr, "Soudan du Sud", "SS")}) ==
          std::vector<std::string>{"organisation:Commission d’enquête des Nations unies sur le Soudan du Sud"});
    const std::string fr2 = "Elle a été reçue à l’ambassade des Pays-Bas au Mali mardi.";
    CHECK(recognise(recogniser, fr2, Lang::fr, {country_at(fr2, "Pays-Bas", "NL"), country_at(fr2, "Mali", "ML")}) ==
          std::vector<std::string>{"organisation:ambassade des Pays-Bas au Mali"});
}

TEST_CASE("portfolios before a head, a region named after a continent, a second portfolio after and, a "
          "person after and, or between adjectives, pour without an article", "[unit][recognizer]") {
    check_cases({
        {"The Health, Defence and Labour Committee met on Tuesday.",
         {"organisation:Health, Defence and Labour Committee"}},
        {"We heard Amanuel Tesfaye of the Horn of Africa Refugee Forum.",
         {"person:Amanuel Tesfaye", "organisation:Horn of Africa Refugee Forum"}},
        {"The Ministry of Interior and National Coordination signed the contract.",
         {"organisation:Ministry of Interior and National Coordination"}},
        {"Evidence came from the University of Otago and Mereana Whaanga on Friday.",
         {"organisation:University of Otago", "person:Mereana Whaanga"}},
    }, Lang::en);
    check_cases({
        {"Помочь может Рабочая группа ООН по насильственным или недобровольным исчезновениям.",
         {"organisation:Рабочая группа ООН по насильственным или недобровольным исчезновениям"}},
    }, Lang::ru);
    check_cases({
        {"Trois listes ont été écartées par la Cour suprême de justice pour dépôt tardif.",
         {"organisation:Cour suprême de justice"}},
    }, Lang::fr);
    // With the countries the gazetteer finds.
    EntityRecognizer recogniser;
    const std::string dateline = "SKOPJE, North Macedonia, May 3 (Balkan Press Agency) – The court ruled.";
    CHECK(recognise(recogniser, dateline, Lang::en, {country_at(dateline, "North Macedonia", "MK")}) ==
          std::vector<std::string>{"organisation:Balkan Press Agency"});
    const std::string police = "Officers of New Zealand Police attended. 3. Immigration New Zealand should act.";
    Mention second = country_at(police, "New Zealand", "NZ");
    second.start = static_cast<std::uint32_t>(police.rfind("New Zealand"));
    second.end = second.start + 11;
    CHECK(recognise(recogniser, police, Lang::en, {country_at(police, "New Zealand", "NZ"), second}) ==
          std::vector<std::string>{"organisation:New Zealand Police", "organisation:Immigration New Zealand"});
}

TEST_CASE("a surname in capitals written first is the same person as the name in the usual order",
          "[unit][recognizer]") {
    const std::string text =
        "Jury:\nOYELARAN-WEBB Tolani, chair\nMASCARENHAS Joaquim Pedro, member\n\n"
        "Tolani Oyelaran-Webb opened the session. Oyelaran-Webb then gave the floor to Joaquim Pedro Mascarenhas.";
    Analyzer analyzer;
    agora::EntityExtractor extractor(analyzer);
    std::vector<Token> tokens;
    analyzer.analyze(text, Lang::en, tokens);
    const agora::ArticleEntities entities = extractor.extract("", {}, text, tokens);
    REQUIRE(entities.persons.size() == 2);
    CHECK(entities.persons[0].display == "Tolani Oyelaran-Webb");
    CHECK(entities.persons[0].mentions == 3);
    CHECK(entities.persons[1].display == "Joaquim Pedro Mascarenhas");
    CHECK(entities.persons[1].forms.size() == 2);
}

TEST_CASE("Hunspell's ordinary words tell phrases from people's names", "[unit][recognizer]") {
    REQUIRE(CommonWords::available(Lang::en));
    REQUIRE(CommonWords::available(Lang::fr));
    REQUIRE(CommonWords::available(Lang::ru));
    CommonWords words;
    CHECK(words.ordinary("citizens", Lang::en));
    CHECK(words.ordinary("captured", Lang::en));
    CHECK(words.ordinary("solidaires", Lang::fr));
    CHECK(words.ordinary("наблюдатели", Lang::ru));
    CHECK(words.ordinary("unies", Lang::unknown));  // English or French
    CHECK_FALSE(words.ordinary("unies", Lang::en));
    // Also a first name or a place, which the dictionary writes capitalised: not ordinary.
    CHECK_FALSE(words.ordinary("mark", Lang::en));
    CHECK_FALSE(words.ordinary("jean", Lang::unknown));
    CHECK_FALSE(words.ordinary("paris", Lang::fr));
    CHECK_FALSE(words.ordinary("zhovtis", Lang::unknown));
    CHECK_FALSE(words.ordinary("", Lang::en));
    CHECK(words.ordinary("defence", Lang::en));  // British English, from hunspell-en-gb
    // The French dictionary's parts of speech.
    CHECK(words.french_adjective("malgache"));
    CHECK(words.french_adjective("maghrébin"));
    CHECK_FALSE(words.french_adjective("saluer"));
    CHECK_FALSE(words.french_adjective("salue"));
    check_cases({
        {"Copies of Captured Screens sold out within a week.", {}},
        {"Mark Field, a lawyer, filed the appeal.", {"person:Mark Field"}},
        {"Jean Berger attended every hearing.", {"person:Jean Berger"}},
        {"Dinara Sadykova attended every hearing.", {"person:Dinara Sadykova"}},
    }, Lang::en);
    check_cases({
        {"Une délégation de Portes Ouvertes est arrivée lundi.", {}},
        {"Marie Blanc a témoigné devant la cour.", {"person:Marie Blanc"}},
    }, Lang::fr);
    check_cases({
        {"Роман Волков пришёл на заседание.", {"person:Роман Волков"}},
    }, Lang::ru);
}

TEST_CASE("a country is not a person, but may start an organisation", "[unit][recognizer]") {
    EntityRecognizer recogniser;
    const std::string text = "Kazakhstan International Bureau reported that Kazakhstan denied it.";
    const std::vector<Mention> countries = {country_at(text, "Kazakhstan", "KZ")};
    CHECK(recognise(recogniser, text, Lang::en, countries) ==
          std::vector<std::string>{"organisation:Kazakhstan International Bureau"});
    const std::string georgia = "Georgia Zhvania said the vote was fair.";
    CHECK(recognise(recogniser, georgia, Lang::en, {country_at(georgia, "Georgia", "GE")}) ==
          std::vector<std::string>{"person:Georgia Zhvania"});
}

TEST_CASE("mentions carry byte offsets and token indexes into the text", "[unit][recognizer]") {
    Analyzer analyzer;
    EntityRecognizer recogniser;
    const std::string text = "Вчера «Мемориал» и правозащитник Евгений Жовтис заявили о давлении.";
    std::vector<Token> tokens;
    analyzer.analyze(text, Lang::ru, tokens);
    std::vector<Mention> found;
    recogniser.recognize(text, tokens, {}, found);
    REQUIRE(found.size() == 1);
    const Mention& m = found[0];
    CHECK(m.kind == EntityKind::person);
    CHECK(text.substr(m.start, m.end - m.start) == "Евгений Жовтис");
    CHECK(tokens[m.first_token].start == m.start);
    CHECK(tokens[m.last_token].end == m.end);
    CHECK(m.acronym.empty());
}

TEST_CASE("known entities win over the rules, in any case and Russian inflection", "[unit][recognizer]") {
    EntityRecognizer recogniser;
    recogniser.add_known({
        {EntityKind::organisation, "Адилет", {"Adilet", "ADILET"}},
        {EntityKind::person, "Евгений Жовтис", {"Evgeniy Zhovtis"}},
        {EntityKind::organisation, "Kloop", {}},
    });
    const std::vector<MentionCase> cases = {
        {"Сотрудники Адилета и Евгения Жовтиса задержали.",
         {"organisation:Адилета[ADILET]", "person:Евгения Жовтиса"}},
        {"EVGENIY ZHOVTIS spoke to Kloop and adilet staff.",
         {"person:EVGENIY ZHOVTIS", "organisation:Kloop"}},
        {"Zhovtis met Evgeniy Zhovtis.", {"person:Zhovtis", "person:Evgeniy Zhovtis"}},
    };
    for (const MentionCase& c : cases) {
        INFO(c.text);
        CHECK(recognise(recogniser, c.text) == c.mentions);
    }
}

TEST_CASE("the entities file is read, and its errors name the file and the entry", "[unit][recognizer]") {
    TempDir dir;
    const auto path = (dir / "entities.json").string();
    write_file(path, R"([{"name": "Евгений Жовтис", "kind": "person", "aliases": ["Zhovtis"]},
                         {"name": "KIBHR", "kind": "organisation"}])");
    const auto entities = agora::load_known_entities(path);
    REQUIRE(entities.size() == 2);
    CHECK(entities[0].kind == EntityKind::person);
    CHECK(entities[0].aliases == std::vector<std::string>{"Zhovtis"});
    CHECK(entities[1].kind == EntityKind::organisation);
    CHECK(entities[1].aliases.empty());

    const auto error_of = [&](const std::string& content) {
        write_file(path, content);
        try {
            agora::load_known_entities(path);
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_of(R"([{"name": "A", "kind": "person"}, {"name": "B", "kind": "person"},
                       {"name": "C", "kind": "country"}])") ==
          path + ": entry 3: \"kind\" must be \"person\" or \"organisation\"");
    CHECK(error_of(R"([{"kind": "person"}])") == path + ": entry 1: \"name\" must be a non-empty string");
    CHECK(error_of(R"([{"name": "A", "kind": "person", "aliases": "A"}])") ==
          path + ": entry 1: \"aliases\" must be an array of strings");
    CHECK(error_of(R"({"name": "A"})") == path + ": must hold a JSON array of entities");
    CHECK(error_of("[{").rfind(path + ": not valid JSON", 0) == 0);
    CHECK_THROWS_WITH(agora::load_known_entities((dir / "missing.json").string()),
                      Catch::Contains("missing.json") && Catch::Contains("cannot open"));
}

TEST_CASE("ranks and post-nominals, currencies, titles before a role, camel case, French titled names, Russian "
          "committees of a parliament, `по` phrases with a place, mixed-case acronyms, outlets in quotes",
          "[unit][recognizer]") {
    check_cases({
        {"Counsel: Adv. Thandiwe Mokoena-Reyes SC and DS Corin Alsop said the hearing went well.",
         {"person:Thandiwe Mokoena-Reyes", "person:Corin Alsop"}},
        {"Amount: GBP 12,500. The report is kept in GBP as well.", {}},
        {"Welcome by the Deputy Permanent Representative of the mission.", {}},
        {"It belongs to the Norwegian group Halvorsen Fjord Industries.", {"organisation:Halvorsen Fjord Industries"}},
        {"Reporters for FieldNotes and for StreetWatch were there; she sent it on WhatsApp.",
         {"organisation:FieldNotes", "organisation:StreetWatch"}},
        {"A man was hurt on Cathcart Road last night.", {}},
        {"Counsel will address the Tribunal on the TRC's delays.", {}},
        {"Present: Cllr Ifeoma Brannigan-Roy (Chair).\nApologies: Cllr Pettifer.\nCllr Brannigan-Roy opened the meeting.",
         {"person:Ifeoma Brannigan-Roy", "person:Pettifer", "person:Brannigan-Roy"}},
        {"The documentary was produced by Qasr Films in Tunis.", {"organisation:Qasr Films"}},
        {"The mine belongs to Minera Altoandina S.A.C. and the Gobierno Regional de Piura objected.",
         {"organisation:Minera Altoandina S.A.C.", "organisation:Gobierno Regional de Piura"}},
    }, Lang::en);
    check_cases({
        {"Il réclame 20 millions de francs CFA au journal.", {}},
        {"Notre confrère La Voix du Bandama a été suspendu ; La Rédaction de L’Écho du Niari le soutient.",
         {"organisation:La Voix du Bandama", "organisation:Écho du Niari"}},
        {"Responsable : ministère de l’Agriculture, chargé de l’Élevage et de la Pêche | En cours",
         {"organisation:ministère de l’Agriculture, chargé de l’Élevage et de la Pêche"}},
        {"Il a saisi la Commission nationale des données à caractère personnel hier.",
         {"organisation:Commission nationale des données à caractère personnel"}},
        {"Dernière mise à jour : 9 h. Suivi assuré par Léonie Marchetti.", {"person:Léonie Marchetti"}},
    }, Lang::fr);
    check_cases({
        {"Письмо ушло в Комитет по делам беженцев Стортинга и в Организацию по безопасности и сотрудничеству в Европе.",
         {"organisation:Комитет по делам беженцев Стортинга",
          "organisation:Организацию по безопасности и сотрудничеству в Европе"}},
        {"Его защищает адвокат Адвокатской палаты Тверской области и член Адвокатской палаты Алтайского края.",
         {"organisation:Адвокатской палаты Тверской области", "organisation:Адвокатской палаты Алтайского края"}},
        {"Вчера Тверской районный суд по иску Смирнова признал статью ложной.",
         {"organisation:Тверской районный суд", "person:Смирнова"}},
        {"Дело прекратило Тверское УФАС, а ГУБОПиК задержал курьера.",
         {"organisation:Тверское УФАС", "organisation:ГУБОПиК[ГУБОПиК]"}},
        {"Совет Общественной палаты РЕШИЛ:\n1. Назначить членов.", {"organisation:Совет Общественной палаты"}},
        {"«Окская правда» изучила документы. Об этом адвокат рассказал «Окской правде».",
         {"organisation:Окская правда", "organisation:Окской правде"}},
        {"Штраф назначен по статье 20.2 КоАП.", {}},
        {"Профсоюз обратился в Государственную инспекцию труда в Чувашской Республике вчера.",
         {"organisation:Государственную инспекцию труда в Чувашской Республике"}},
    }, Lang::ru);
}

TEST_CASE("company forms before the name, numbered questions, relatives in apposition, a second area, "
          "quoted names that end with their kind, acronyms over the shortest span",
          "[unit][recognizer]") {
    check_cases({
        {"Crews were hired by PT Laut Biru Sejahtera, and JSC Steppe Mining Group answered.",
         {"organisation:PT Laut Biru Sejahtera", "organisation:JSC Steppe Mining Group"}},
        {"SECTION A.\n\nA2. Do you audit suppliers?\nResponse: Yes.", {}},
        {"Okonjo's sister, Adaeze, who travelled from Enugu, said the visit was refused.", {"person:Adaeze"}},
        {"In 2019 the Department of Commerce's list grew; tuna from the Arabian Sea was on it.",
         {"organisation:Department of Commerce"}},
        {"Its members include Karakum Legal Aid and the Union of Caspian Fishers (UCF).",
         {"organisation:Karakum Legal Aid", "organisation:Union of Caspian Fishers[UCF]"}},
        {"The firm hired Harrowgate Marine Assurance as its auditor.", {"organisation:Harrowgate Marine Assurance"}},
        {"The training was held in Kuala Lumpur. Later Buenos Aires hosted it.", {}},
        {"It was backed by the Royal College of Midwives and UNISON.",
         {"organisation:Royal College of Midwives", "organisation:UNISON[UNISON]"}},
        {"Officers filed an FIR against her.", {}},
        {"Trade Co. Ltd signed it. Ms Lee joined the Working Group on Arbitrary or Unlawful Detention. The "
         "Polícia Militar do Amapá did not.",
         {"organisation:Trade Co. Ltd", "person:Lee",
          "organisation:Working Group on Arbitrary or Unlawful Detention", "organisation:Polícia Militar do Amapá"}},
        {"The radio Cooperativa Agraria San Isidro and Emisora Voces del Llano were closed.",
         {"organisation:Cooperativa Agraria San Isidro", "organisation:Emisora Voces del Llano"}},
    }, Lang::en);
    check_cases({
        {"Le Collectif Bruges sans abri a rejoint la Confédération des syndicats du Sahel.",
         {"organisation:Collectif Bruges sans abri", "organisation:Confédération des syndicats du Sahel"}},
        {"Ils ont été conduits dans la région du Centre-Est hier soir.", {}},
        {"Mémorandum\n\nII. CHRONOLOGIE\nLe journal en ligne du site d’information Kara Soir a fermé.",
         {"organisation:Kara Soir"}},
        {"Elle écrit au ministère de la Mer et de la Pêche et à Sahel Fisheries Watch.",
         {"organisation:ministère de la Mer et de la Pêche", "organisation:Sahel Fisheries Watch"}},
        {"Il a saisi le parquet spécial de la sûreté de l’État, puis Orange Africa Mali a répondu.",
         {"organisation:parquet spécial de la sûreté de l’État"}},
        {"Maître Lucille Dandrieu écrit depuis la Rue de la Presse 12 à Kivu Presse et à la Préfecture de police.",
         {"person:Lucille Dandrieu", "organisation:Kivu Presse", "organisation:Préfecture de police"}},
    }, Lang::fr);
    check_cases({
        {"Его задержали сотрудники Управления ФСБ России по Республике Хакасия и г. Абакану.",
         {"organisation:Управления ФСБ России по Республике Хакасия и г. Абакану"}},
        {"Представительство Президента в Автономной Республике Гагаузия ответило.",
         {"organisation:Представительство Президента в Автономной Республике Гагаузия"}},
        {"Сестра Алиева, Гюльнара, приехала на суд.", {"person:Алиева", "person:Гюльнара"}},
        {"Пришли активисты «Степной помощи», а деньги ушли с карты «Бета-Банка» в «Северном батальоне».",
         {"organisation:Степной помощи", "organisation:Бета-Банка", "organisation:Северном батальоне"}},
        {"Он сотрудничал с Главным управлением разведки Министерства обороны Молдовы. Его держали в ШИЗО.",
         {"organisation:Главным управлением разведки Министерства обороны Молдовы"}},
        {"Спектакль поставил независимый театр «Пятая стена».", {"organisation:Пятая стена"}},
        {"Он приехал из Кишинёва, и Аппарат Народного защитника Армении ответил.",
         {"organisation:Аппарат Народного защитника Армении"}},
        {"Сводку прислали юристы ОВД-Инфо.", {"organisation:ОВД-Инфо"}},
        {"Создать группу правовой помощи. Письмо ушло в Программный офис ОБСЕ в Бишкеке.",
         {"organisation:Программный офис ОБСЕ в Бишкеке"}},
        {"Договор подписан с Агентством по делам миграции и Национальной комиссией по правам человека.",
         {"organisation:Агентством по делам миграции", "organisation:Национальной комиссией по правам человека"}},
    }, Lang::ru);
}

TEST_CASE("random text never breaks the recogniser", "[unit][recognizer]") {
    std::mt19937 random(20261130);
    const std::vector<std::string> pieces = {"A", "Ж", "ОБСЕ", "KIBHR", " ", "\n", "\n\n", ".", ",", "(", ")",
                                             "«", "»", "\"", "-", "de", "по", "Committee", "of", "суд",
                                             "Mr", "said", "l'", "’s", "Zhovtis", "в", "1"};
    Analyzer analyzer;
    EntityRecognizer recogniser;
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 40);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()] + (random() % 2 ? " " : "");
        std::vector<Token> tokens;
        analyzer.analyze(text, Lang::unknown, tokens);
        std::vector<Mention> found;
        recogniser.recognize(text, tokens, {}, found);
        for (const Mention& m : found) {
            REQUIRE(m.start < m.end);
            REQUIRE(m.end <= text.size());
            REQUIRE(m.first_token <= m.last_token);
            REQUIRE(m.last_token < tokens.size());
            REQUIRE(!m.surface.empty());
        }
    }
}
