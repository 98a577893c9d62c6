/** @file
 *  @brief Language codes and the paragraph language vote.
 */
#include "agora/analysis/analyzer.h"

#include <catch2/catch.hpp>

using agora::Analyzer;
using agora::Lang;

TEST_CASE("language codes parse in their common spellings", "[unit][language]") {
    CHECK(agora::parse_lang("en") == Lang::en);
    CHECK(agora::parse_lang("EN-gb") == Lang::en);
    CHECK(agora::parse_lang("ru_RU") == Lang::ru);
    CHECK(agora::parse_lang("fr-CA") == Lang::fr);
    CHECK(agora::parse_lang("french") == Lang::fr);
    CHECK(agora::parse_lang("kk") == Lang::unknown);
    CHECK(agora::parse_lang("") == Lang::unknown);
    CHECK(agora::lang_code(Lang::ru) == "ru");
}

TEST_CASE("the language of a text is guessed from its words", "[unit][language]") {
    struct Case {
        const char* text;
        Lang expected;
    };
    const Case cases[] = {
        {"The authorities detained several journalists who were covering the protest.", Lang::en},
        {"Les autorités ont arrêté plusieurs journalistes qui couvraient la manifestation.", Lang::fr},
        {"Власти задержали нескольких журналистов, освещавших акцию протеста.", Lang::ru},
        {"Zhovtis, KIBHR, Almaty, 2022", Lang::unknown},
        {"", Lang::unknown},
        // Latin acronyms inside Russian text do not make it English.
        {"Директор КМБПЧ Евгений Жовтис (KIBHR) заявил об этом в Алматы.", Lang::ru},
    };
    Analyzer analyzer;
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(analyzer.detect_language(c.text) == c.expected);
    }
}

TEST_CASE("function words are told from words that only look like them", "[unit][language]") {
    for (const char* word : {"the", "of", "which", "their", "at", "or", "le", "la", "des", "ete", "selon", "cette", "plus"}) {
        INFO(word);
        CHECK(agora::is_function_word(word));
    }
    for (const char* word : {"", "t", "th", "thee", "them", "whiches", "les-", "été", "selons", "plusieurs", "The"}) {
        INFO(word);
        CHECK_FALSE(agora::is_function_word(word));
    }
    CHECK_FALSE(agora::is_function_word(std::string_view("of\0", 3)));
}
