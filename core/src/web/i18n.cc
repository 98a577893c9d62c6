/** @file
 *  @brief The page's strings in three languages, plural forms and Accept-Language negotiation.
 */
#include "agora/web/i18n.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <cstdlib>

namespace agora::web {
namespace {

struct Entry {
    Msg msg;
    const char* en;
    const char* ru;
    const char* fr;
};

// One line a message; the order must follow the enum (checked by a unit test through tr()).
constexpr Entry kTable[] = {
    {Msg::site_name, "Agora", "Agora", "Agora"},
    {Msg::tagline, "Search human-rights reports in English, Russian and French",
     "Поиск по докладам о правах человека на английском, русском и французском",
     "Recherche dans des rapports sur les droits humains en anglais, russe et français"},
    {Msg::search_label, "Search the reports", "Поиск по докладам", "Rechercher dans les rapports"},
    {Msg::search_button, "Search", "Найти", "Rechercher"},
    {Msg::count_one, "{n} document matches {q}", "Найден {n} документ по запросу {q}",
     "{n} document correspond à {q}"},
    {Msg::count_few, "{n} documents match {q}", "Найдено {n} документа по запросу {q}",
     "{n} documents correspondent à {q}"},
    {Msg::count_many, "{n} documents match {q}", "Найдено {n} документов по запросу {q}",
     "{n} documents correspondent à {q}"},
    {Msg::count_filters_one, "{n} document", "{n} документ", "{n} document"},
    {Msg::count_filters_few, "{n} documents", "{n} документа", "{n} documents"},
    {Msg::count_filters_many, "{n} documents", "{n} документов", "{n} documents"},
    {Msg::showing, "showing {from}–{to}", "показаны {from}–{to}", "résultats {from} à {to}"},
    {Msg::no_match, "No document matches {q}.", "По запросу {q} ничего не найдено.",
     "Aucun document ne correspond à {q}."},
    {Msg::no_match_filters, "No document matches these filters.", "С этими фильтрами ничего не найдено.",
     "Aucun document ne passe ces filtres."},
    {Msg::past_last_page, "This page is past the last result.", "Эта страница — уже за последним результатом.",
     "Cette page se trouve après le dernier résultat."},
    {Msg::first_page, "Back to the first page", "На первую страницу", "Revenir à la première page"},
    {Msg::did_you_mean, "Did you mean", "Возможно, вы имели в виду", "Vouliez-vous dire"},
    {Msg::filters_heading, "Active filters", "Фильтры", "Filtres actifs"},
    {Msg::remove_filter, "remove", "убрать", "retirer"},
    {Msg::filter_country, "Country", "Страна", "Pays"},
    {Msg::filter_about, "About", "О стране", "Au sujet de"},
    {Msg::filter_person, "Person", "Человек", "Personne"},
    {Msg::filter_org, "Organisation", "Организация", "Organisation"},
    {Msg::filter_lang, "Language", "Язык", "Langue"},
    {Msg::filter_since, "From", "С", "Depuis"},
    {Msg::filter_until, "Until", "По", "Jusqu’à"},
    {Msg::facets_heading, "Narrow the results", "Уточнить", "Affiner"},
    {Msg::facet_country, "Countries", "Страны", "Pays"},
    {Msg::facet_person, "People", "Люди", "Personnes"},
    {Msg::facet_organisation, "Organisations", "Организации", "Organisations"},
    {Msg::facet_lang, "Languages", "Языки", "Langues"},
    {Msg::facet_year, "Years", "Годы", "Années"},
    {Msg::pages_heading, "Pages", "Страницы", "Pages"},
    {Msg::previous_page, "Previous", "Назад", "Précédente"},
    {Msg::next_page, "Next", "Дальше", "Suivante"},
    {Msg::page_number, "Page {n}", "Страница {n}", "Page {n}"},
    {Msg::pdf_page, "p. {n}", "с. {n}", "p. {n}"},
    {Msg::people, "People", "Люди", "Personnes"},
    {Msg::organisations, "Organisations", "Организации", "Organisations"},
    {Msg::countries, "Countries", "Страны", "Pays"},
    {Msg::sort_by_date, "Newest first", "Сначала новые", "Les plus récents d’abord"},
    {Msg::sort_by_relevance, "Best matches first", "Сначала самые подходящие", "Les plus pertinents d’abord"},
    {Msg::sorted_by_date, "newest first", "сначала новые", "les plus récents d’abord"},
    {Msg::person_kind, "Person", "Человек", "Personne"},
    {Msg::organisation_kind, "Organisation", "Организация", "Organisation"},
    {Msg::documents_one, "mentioned in {n} document", "упоминается в {n} документе", "cité dans {n} document"},
    {Msg::documents_few, "mentioned in {n} documents", "упоминается в {n} документах", "cité dans {n} documents"},
    {Msg::documents_many, "mentioned in {n} documents", "упоминается в {n} документах",
     "cité dans {n} documents"},
    {Msg::also_written, "Also written as", "Другие написания", "Autres graphies"},
    {Msg::mentions_heading, "Documents, newest first", "Документы, сначала новые",
     "Documents, des plus récents aux plus anciens"},
    {Msg::related_heading, "Often mentioned together", "Часто упоминаются вместе", "Souvent cités ensemble"},
    {Msg::candidates_heading, "The name may also mean", "Это имя может означать и", "Ce nom peut aussi désigner"},
    {Msg::search_mentions, "Search the documents that mention {name}", "Искать документы, где упоминается {name}",
     "Chercher les documents qui citent {name}"},
    {Msg::unknown_country, "No country is called {value}.", "Страны {value} нет в списке.",
     "Aucun pays ne s’appelle {value}."},
    {Msg::interface_language, "Interface language", "Язык интерфейса", "Langue de l’interface"},
    {Msg::withheld, "[name withheld]", "[имя скрыто]", "[nom masqué]"},
    {Msg::bad_parameter, "The parameter {name} cannot be used: {reason}",
     "Параметр {name} не подходит: {reason}", "Le paramètre {name} est refusé : {reason}"},
    {Msg::reason_encoding, "its %-encoding is broken.", "в нём ошибка %-кодирования.",
     "son encodage en % est incorrect."},
    {Msg::reason_utf8, "it is not valid UTF-8 text.", "это не текст в UTF-8.", "ce n’est pas du texte UTF-8 valide."},
    {Msg::reason_control, "it contains control characters.", "в нём есть управляющие символы.",
     "il contient des caractères de contrôle."},
    {Msg::reason_too_long, "it is longer than {n} bytes.", "он длиннее {n} байт.", "il dépasse {n} octets."},
    {Msg::too_many_parameters, "The request has more than {n} parameters.", "В запросе больше {n} параметров.",
     "La requête a plus de {n} paramètres."},
    {Msg::reason_page, "a page is a whole number from 1 to {n}.", "номер страницы — целое число от 1 до {n}.",
     "une page est un nombre entier de 1 à {n}."},
    {Msg::reason_date, "a date is written YYYY, YYYY-MM or YYYY-MM-DD.",
     "дата записывается как ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.", "une date s’écrit AAAA, AAAA-MM ou AAAA-MM-JJ."},
    {Msg::reason_sort, "it is either relevance or date.", "допустимо relevance или date.",
     "les valeurs possibles sont relevance et date."},
    {Msg::reason_format, "it is either html or json.", "допустимо html или json.",
     "les valeurs possibles sont html et json."},
    {Msg::reason_language, "it is one of en, ru or fr.", "допустимо en, ru или fr.",
     "les valeurs possibles sont en, ru et fr."},
    {Msg::entity_not_found, "No person or organisation called {name} appears in the collection.",
     "В собрании нет человека или организации с именем {name}.",
     "Aucune personne ni organisation nommée {name} n’apparaît dans la collection."},
    {Msg::index_unavailable, "The search index is not available at the moment. Please try again later.",
     "Поисковый индекс сейчас недоступен. Попробуйте позже.",
     "L’index de recherche n’est pas disponible pour le moment. Réessayez plus tard."},
    {Msg::internal_error, "The search could not be completed. Please try again later.",
     "Поиск не удалось выполнить. Попробуйте позже.",
     "La recherche n’a pas pu aboutir. Réessayez plus tard."},
    {Msg::method_not_allowed, "This page only answers GET and HEAD requests.",
     "Эта страница отвечает только на запросы GET и HEAD.",
     "Cette page ne répond qu’aux requêtes GET et HEAD."},
    {Msg::back_to_search, "New search", "Новый поиск", "Nouvelle recherche"},
};

static_assert(std::size(kTable) == static_cast<std::size_t>(Msg::count_), "one table entry per message");

constexpr bool table_in_order() {
    for (std::size_t i = 0; i < std::size(kTable); ++i) {
        if (static_cast<std::size_t>(kTable[i].msg) != i) return false;
    }
    return true;
}
static_assert(table_in_order(), "table entries follow the enum");

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Quality of one Accept-Language entry's parameters ("q=0.8"); 1 when absent, -1 when malformed.
double quality(std::string_view params) {
    while (!params.empty()) {
        const std::size_t semi = params.find(';');
        const std::string_view param = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
        if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
        const std::string value(param.substr(2));
        char* end = nullptr;
        const double q = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || q < 0 || q > 1) return -1;
        return q;
    }
    return 1;
}

// Supported language of a language range ("fr-CH" -> fr); unknown for others and "*".
Lang range_language(std::string_view range) {
    const std::string_view primary = range.substr(0, range.find('-'));
    if (primary.size() != 2) return Lang::unknown;
    std::string lower;
    for (char c : primary) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "en") return Lang::en;
    if (lower == "ru") return Lang::ru;
    if (lower == "fr") return Lang::fr;
    return Lang::unknown;
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

bool is_code(std::string_view code) {
    if (code.empty() || code.size() > 3) return false;
    for (char c : code) {
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

}  // namespace

std::string_view tr(Lang ui, Msg msg) {
    const auto i = static_cast<std::size_t>(msg);
    if (i >= std::size(kTable)) return {};
    const Entry& e = kTable[i];
    switch (ui) {
        case Lang::ru: return e.ru;
        case Lang::fr: return e.fr;
        default: return e.en;
    }
}

Msg plural(Lang ui, Msg one, std::size_t n) {
    const auto base = static_cast<int>(one);
    int form = 2;  // many / other
    if (ui == Lang::ru) {
        if (n % 10 == 1 && n % 100 != 11) {
            form = 0;
        } else if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) {
            form = 1;
        }
    } else if (ui == Lang::fr) {
        form = n <= 1 ? 0 : 2;
    } else {
        form = n == 1 ? 0 : 2;
    }
    return static_cast<Msg>(base + form);
}

std::string fill(std::string_view text, std::string_view key, std::string_view value) {
    const std::string placeholder = "{" + std::string(key) + "}";
    std::string out;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(placeholder, from)) != std::string_view::npos; from = at + placeholder.size()) {
        out.append(text.substr(from, at - from));
        out.append(value);
    }
    out.append(text.substr(from));
    return out;
}

Lang negotiate_language(std::string_view header) {
    Lang best = Lang::en;
    double best_q = 0;
    header = header.substr(0, 4096);  // a longer header is not a browser's
    while (!header.empty()) {
        const std::size_t comma = header.find(',');
        const std::string_view entry = trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        const std::size_t semi = entry.find(';');
        const Lang lang = range_language(trim(entry.substr(0, semi)));
        const double q = semi == std::string_view::npos ? 1 : quality(entry.substr(semi + 1));
        if (lang != Lang::unknown && q > best_q) {
            best = lang;
            best_q = q;
        }
    }
    return best;
}

std::string_view language_self_name(Lang lang) {
    switch (lang) {
        case Lang::ru: return "Русский";
        case Lang::fr: return "Français";
        default: return "English";
    }
}

std::string language_name(std::string_view code, Lang ui) {
    if (!is_code(code)) return std::string(code);
    icu::UnicodeString name;
    const std::string ui_code(lang_code(ui == Lang::unknown ? Lang::en : ui));
    icu::Locale(std::string(code).c_str()).getDisplayLanguage(icu::Locale(ui_code.c_str()), name);
    const std::string out = to_utf8(name);
    return out.empty() ? std::string(code) : out;
}

std::string country_name(std::string_view code, Lang ui) {
    if (!is_code(code)) return std::string(code);
    icu::UnicodeString name;
    const std::string ui_code(lang_code(ui == Lang::unknown ? Lang::en : ui));
    icu::Locale("", std::string(code).c_str()).getDisplayCountry(icu::Locale(ui_code.c_str()), name);
    const std::string out = to_utf8(name);
    return out.empty() ? std::string(code) : out;
}

}  // namespace agora::web
