/** @file
 *  @brief The country gazetteer, as tables of {text, expected mentions}: names from ICU in English,
 *         Russian and French, Russian case forms, distractors, resolve() and label().
 */
#include "test_support.h"

#include "agora/entities/countries.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using agora::Analyzer;
using agora::CountryGazetteer;
using agora::Lang;
using agora::Mention;
using agora::Token;

namespace {

struct FindCase {
    const char* text;
    std::vector<std::string> mentions;  ///< "CODE:surface", in text order
};

/// Mentions found in @p text, as "CODE:surface".
std::vector<std::string> countries_in(std::string_view text, Lang lang = Lang::unknown) {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze(text, lang, tokens);
    std::vector<Mention> mentions;
    CountryGazetteer::instance().find(text, tokens, analyzer, mentions);
    std::vector<std::string> out;
    for (const Mention& m : mentions) out.push_back(m.code + ":" + m.surface);
    return out;
}

void check_cases(const std::vector<FindCase>& cases) {
    for (const FindCase& c : cases) {
        INFO(c.text);
        CHECK(countries_in(c.text) == c.mentions);
    }
}

}  // namespace

TEST_CASE("every ISO 3166 territory of ICU is known", "[unit][countries]") {
    const auto start = std::chrono::steady_clock::now();
    const CountryGazetteer& gazetteer = CountryGazetteer::instance();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(gazetteer.size() >= 240);
    // Built once; the first call pays for it (about 25 ms in RelWithDebInfo).
    CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("Russian names match in every case", "[unit][countries]") {
    check_cases({
        {"Казахстан", {"KZ:Казахстан"}},
        {"в Казахстане", {"KZ:Казахстане"}},
        {"власти Казахстана", {"KZ:Казахстана"}},
        {"Россия", {"RU:Россия"}},
        {"России", {"RU:России"}},
        {"в России и Беларуси", {"RU:России", "BY:Беларуси"}},
        {"Франция", {"FR:Франция"}},
        {"во Франции", {"FR:Франции"}},
        {"в Соединённых Штатах", {"US:Соединённых Штатах"}},
        {"Соединенные Штаты", {"US:Соединенные Штаты"}},
        {"США и ОАЭ", {"US:США", "AE:ОАЭ"}},
        {"в Гвинее-Бисау", {"GW:Гвинее-Бисау"}},
        {"Новой Зеландии", {"NZ:Новой Зеландии"}},
        {"Республики Казахстан", {"KZ:Республики Казахстан"}},  // ISO's official name, inflected
        {"в Того", {"TG:Того"}},
        {"на Аландских островах", {"AX:Аландских островах"}},
        {"с Великобританией", {"GB:Великобританией"}},
        {"из Нидерландов", {"NL:Нидерландов"}},  // a plural name's genitive
        {"на Филиппинах", {"PH:Филиппинах"}},
        {"в Гане", {"GH:Гане"}},
    });
}

TEST_CASE("French and English names match on folded words", "[unit][countries]") {
    check_cases({
        {"Kazakhstan", {"KZ:Kazakhstan"}},
        {"au Kazakhstan", {"KZ:Kazakhstan"}},
        {"en Russie", {"RU:Russie"}},
        {"aux États-Unis", {"US:États-Unis"}},
        {"aux Etats-Unis", {"US:Etats-Unis"}},
        {"la Côte d'Ivoire", {"CI:Côte d'Ivoire"}},
        {"la Côte d’Ivoire", {"CI:Côte d’Ivoire"}},
        {"l'Inde et d’Italie", {"IN:Inde", "IT:Italie"}},
        {"Hong Kong", {"HK:Hong Kong"}},
        {"the United States", {"US:United States"}},
        {"the U.S. government", {"US:U.S"}},
        {"United Kingdom", {"GB:United Kingdom"}},
        {"Russia's government", {"RU:Russia"}},
        {"Kazakhstan’s courts", {"KZ:Kazakhstan"}},
        {"Guinea-Bissau and Timor-Leste", {"GW:Guinea-Bissau", "TL:Timor-Leste"}},
        {"Trinidad and Tobago", {"TT:Trinidad and Tobago"}},
        {"St. Lucia", {"LC:St. Lucia"}},
        {"Czech Republic", {"CZ:Czech Republic"}},
        {"Ivory Coast", {"CI:Ivory Coast"}},
        {"Myanmar (Burma)", {"MM:Myanmar", "MM:Burma"}},
    });
}

TEST_CASE("ISO 3166 official names from iso-codes match in all three languages", "[unit][countries]") {
    check_cases({
        {"the Russian Federation", {"RU:Russian Federation"}},
        {"the Republic of Korea", {"KR:Republic of Korea"}},  // ISO writes `Korea, Republic of`
        {"the Democratic Republic of the Congo", {"CD:Democratic Republic of the Congo"}},
        {"the Syrian Arab Republic", {"SY:Syrian Arab Republic"}},
        {"the Islamic Republic of Iran", {"IR:Islamic Republic of Iran"}},
        {"la République démocratique du Congo", {"CD:République démocratique du Congo"}},
        {"la République de Corée", {"KR:République de Corée"}},
        {"в Демократической Республике Конго", {"CD:Демократической Республике Конго"}},
        {"Сирийской Арабской Республики", {"SY:Сирийской Арабской Республики"}},
        // Two territories share `Congo` in ISO's list and ICU's: alone it names neither.
        {"the Congo", {}},
    });
}

TEST_CASE("the longest name wins and mentions do not overlap", "[unit][countries]") {
    check_cases({
        {"Papua New Guinea", {"PG:Papua New Guinea"}},
        {"Guinea and Equatorial Guinea", {"GN:Guinea", "GQ:Equatorial Guinea"}},
        {"Sudan, South Sudan", {"SD:Sudan", "SS:South Sudan"}},
        {"U.S. Virgin Islands", {"VI:U.S. Virgin Islands"}},
    });
}

TEST_CASE("adjectives, demonyms, common words and lower case are not countries", "[unit][countries]") {
    check_cases({
        {"Russian officials", {}},
        {"российские власти", {}},
        {"казахстанский суд", {}},
        {"Россиян стало меньше", {}},
        {"Того же мнения были все.", {}},
        {"Франц Кафка", {}},
        {"Kazakh activists", {}},
        {"roast turkey", {}},
        {"Join Us", {}},
        {"la République", {}},
        {"Congo", {}},  // ICU has two Congos: the bare word is ambiguous
        {"Самое главное", {}},
        {"Мало кто знает", {}},
        {"française", {}},
        {"юрист Шухрат Ганиев", {}},  // a surname on the base of `Гана`, with no case ending of it
        {"Казахстанов", {}},
    });
}

TEST_CASE("mentions carry byte offsets and token indexes", "[unit][countries]") {
    const std::string text = "Elle vit à l'Île Maurice, pas en Côte d’Ivoire.";
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze(text, Lang::fr, tokens);
    std::vector<Mention> mentions;
    CountryGazetteer::instance().find(text, tokens, analyzer, mentions);
    REQUIRE(mentions.size() == 2);
    CHECK(mentions[0].code == "MU");  // ICU's French name of Mauritius is "Maurice"
    CHECK(mentions[0].surface == "Maurice");
    const Mention& m = mentions[1];
    CHECK(m.kind == agora::EntityKind::country);
    CHECK(m.code == "CI");
    CHECK(m.surface == "Côte d’Ivoire");
    CHECK(text.substr(m.start, m.end - m.start) == "Côte d’Ivoire");
    CHECK(tokens[m.first_token].term == "cote");
    CHECK(tokens[m.last_token].term == "ivoire");
}

TEST_CASE("resolve() takes codes and names in any language and case form", "[unit][countries]") {
    struct ResolveCase {
        const char* input;
        const char* code;
    };
    const ResolveCase cases[] = {
        {"kz", "KZ"},
        {"KZ", "KZ"},
        {" ci ", "CI"},
        {"Kazakhstan", "KZ"},
        {"Казахстане", "KZ"},
        {"России", "RU"},
        {"cote d'ivoire", "CI"},
        {"Côte d’Ivoire", "CI"},
        {"cote d ivoire", "CI"},
        {"etats-unis", "US"},
        {"соединенных штатах", "US"},
        {"united kingdom", "GB"},
        {"Burma", "MM"},
        {"hong kong", "HK"},
        {"Russie", "RU"},
        {"Kazakh", ""},
        {"российский", ""},
        {"Narnia", ""},
        {"", ""},
        {"zz", ""},
    };
    Analyzer analyzer;
    for (const ResolveCase& c : cases) {
        INFO(c.input);
        CHECK(CountryGazetteer::instance().resolve(c.input, analyzer) == c.code);
    }
}

TEST_CASE("label() gives ICU's name in the interface language", "[unit][countries]") {
    struct LabelCase {
        const char* code;
        Lang ui;
        const char* label;
    };
    const LabelCase cases[] = {
        {"KZ", Lang::en, "Kazakhstan"},
        {"KZ", Lang::ru, "Казахстан"},
        {"KZ", Lang::fr, "Kazakhstan"},
        {"kz", Lang::unknown, "Kazakhstan"},
        {"RU", Lang::ru, "Россия"},
        {"US", Lang::fr, "États-Unis"},
        {"HK", Lang::en, "Hong Kong"},  // the short form: the display one carries "SAR China"
        {"HK", Lang::ru, "Гонконг"},
        {"HK", Lang::fr, "Hong Kong"},
        {"MM", Lang::en, "Myanmar"},
        {"GB", Lang::en, "United Kingdom"},
        {"QQ", Lang::en, "QQ"},
    };
    for (const LabelCase& c : cases) {
        INFO(c.code << " " << agora::lang_code(c.ui));
        CHECK(CountryGazetteer::instance().label(c.code, c.ui) == c.label);
    }
}
