/** @file
 *  @brief The analysis chain, as tables of {input, expected terms}, in all three languages.
 */
#include "test_support.h"

#include <catch2/catch.hpp>

#include <random>

using agora::Analyzer;
using agora::Lang;
using agora::Token;
using agora::test::assert_analyzes_to;
using agora::test::document_stems;
using agora::test::document_terms;

namespace {

struct TermCase {
    const char* text;
    std::vector<std::string> terms;
};

}  // namespace

TEST_CASE("words are case-folded and cut by ICU in three languages", "[unit][analysis]") {
    const TermCase cases[] = {
        {"Peaceful Assembly", {"peaceful", "assembly"}},
        {"Пытки и ЗАДЕРЖАНИЯ", {"пытки", "и", "задержания"}},
        {"Réunions PACIFIQUES", {"reunions", "pacifiques"}},
        {"Kassym-Jomart Tokayev", {"kassym", "jomart", "tokayev"}},
        {"on 5 January 2022, 225 people", {"on", "5", "january", "2022", "225", "people"}},
        {"«Мемориал» — ликвидирован!", {"мемориал", "ликвидирован"}},
        {"e-mail: info@example.org", {"e", "mail", "info@example.org"}},  // ICU keeps addresses whole
        {"", {}},
        {"   \n\n ... !!! ", {}},
    };
    for (const TermCase& c : cases) assert_analyzes_to(c.text, c.terms);
}

TEST_CASE("French elision is removed with either apostrophe, aujourd'hui stays whole", "[unit][analysis]") {
    const TermCase cases[] = {
        {"l’éducation", {"education"}},
        {"l'éducation", {"education"}},
        {"d’expression", {"expression"}},
        {"qu’il jusqu’à lorsqu'elle puisqu'on quoiqu'il", {"il", "a", "elle", "on", "il"}},
        {"L'État", {"etat"}},
        {"aujourd’hui", {"aujourd'hui"}},
        {"aujourd'hui", {"aujourd'hui"}},
        {"lʼéducation", {"education"}},   // U+02BC modifier letter apostrophe
        {"l＇éducation", {"education"}},  // U+FF07 fullwidth apostrophe (NFKC)
    };
    for (const TermCase& c : cases) assert_analyzes_to(c.text, c.terms, Lang::fr);
}

TEST_CASE("English possessive 's is removed before stemming", "[unit][analysis]") {
    assert_analyzes_to("Zhovtis's lawyer", {"zhovtis", "lawyer"}, Lang::en);
    assert_analyzes_to("Kazakhstan’s government", {"kazakhstan", "government"}, Lang::en);
    CHECK(document_stems("Zhovtis's", Lang::en) == document_stems("Zhovtis", Lang::en));
}

TEST_CASE("invisible characters inside words are removed, not split on", "[unit][analysis]") {
    const TermCase cases[] = {
        {"acti\u00ADvists", {"activists"}},       // soft hyphen
        {"acti\u200Bvists", {"activists"}},       // zero-width space
        {"acti\u200Cvists", {"activists"}},       // zero-width non-joiner
        {"acti\u200Dvists", {"activists"}},       // zero-width joiner
        {"acti\u2060vists", {"activists"}},       // word joiner
        {"за\u00ADдер\u00ADжан", {"задержан"}},   // soft hyphens in Russian
        {"\uFEFFПытки", {"пытки"}},               // BOM at the start
    };
    for (const TermCase& c : cases) assert_analyzes_to(c.text, c.terms);
}

TEST_CASE("ё is folded to е on both sides, й is never touched", "[unit][analysis]") {
    assert_analyzes_to("ещё всё Ёлки", {"еще", "все", "елки"});
    assert_analyzes_to("Жовтис Мамай й", {"жовтис", "мамай", "й"});
    CHECK(document_stems("ёлки", Lang::ru) == document_stems("елки", Lang::ru));
}

TEST_CASE("Latin diacritics and ligatures fold, Kazakh letters do not", "[unit][analysis]") {
    const TermCase cases[] = {
        {"chômage égaux congés payés", {"chomage", "egaux", "conges", "payes"}},
        {"cœur Œuvre naïve Façade", {"coeur", "oeuvre", "naive", "facade"}},
        {"Тоқаев Әділет", {"тоқаев", "әділет"}},
        {"ﬁnancement", {"financement"}},  // NFKC ligature
    };
    for (const TermCase& c : cases) assert_analyzes_to(c.text, c.terms);
}

TEST_CASE("accented and unaccented spellings stem alike", "[unit][analysis]") {
    // Snowball French gives payés→pai but payes→pay: folding before stemming makes both sides agree.
    CHECK(document_stems("payés", Lang::fr) == document_stems("payes", Lang::fr));
    CHECK(document_stems("chômage", Lang::fr) == document_stems("chomage", Lang::fr));
    CHECK(document_stems("égaux", Lang::fr) == document_stems("egaux", Lang::fr));
}

TEST_CASE("inflected forms share a stem in their language", "[unit][analysis]") {
    CHECK(document_stems("пытка", Lang::ru) == document_stems("пыткам", Lang::ru));
    CHECK(document_stems("Жовтиса", Lang::ru) == document_stems("Жовтис", Lang::ru));
    CHECK(document_stems("arrested", Lang::en) == document_stems("arrest", Lang::en));
    CHECK(document_stems("réunions", Lang::fr) == document_stems("réunion", Lang::fr));
}

TEST_CASE("tokens keep byte offsets into the original text and positions", "[unit][analysis]") {
    Analyzer analyzer;
    std::vector<Token> tokens;
    const std::string text = "L’État a\u00ADrrête «Жовтиса».";
    analyzer.analyze(text, Lang::fr, tokens);
    REQUIRE(tokens.size() == 3);
    CHECK(text.substr(tokens[0].start, tokens[0].end - tokens[0].start) == "L’État");
    CHECK(text.substr(tokens[1].start, tokens[1].end - tokens[1].start) == "a\u00ADrrête");
    CHECK(tokens[1].term == "arrete");
    CHECK(text.substr(tokens[2].start, tokens[2].end - tokens[2].start) == "Жовтиса");
    CHECK(tokens[0].position == 1);
    CHECK(tokens[1].position == 2);
    CHECK(tokens[2].position == 3);
}

TEST_CASE("Cyrillic words take the Russian chain inside English text", "[unit][analysis]") {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze("The page links to the Russian version, labelled Русский, for readers.", Lang::unknown,
                     tokens);
    for (const Token& t : tokens) {
        INFO(t.term);
        CHECK(t.lang == (t.cyrillic ? Lang::ru : Lang::en));
    }
}

TEST_CASE("mixed-script words stay one token and take the Russian chain", "[unit][analysis]") {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze("Kazakhstanский", Lang::en, tokens);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].cyrillic);
    CHECK(tokens[0].lang == Lang::ru);
}

TEST_CASE("a French paragraph in an English page takes the French chain", "[unit][analysis]") {
    Analyzer analyzer;
    std::vector<Token> tokens;
    const Lang lang = analyzer.analyze(
        "Activists were detained after the protest in the capital and their lawyers were not told. "
        "The families of the detained said that the police had refused to give them any information "
        "about the charges, and the court was closed to the press for the whole of the hearing.\n\n"
        "Le bureau pour les Nations unies est situé à Genève et il reçoit les demandes des militants.",
        Lang::unknown, tokens);
    CHECK(lang == Lang::en);
    CHECK(tokens.front().lang == Lang::en);
    CHECK(tokens.back().lang == Lang::fr);
}

TEST_CASE("the query side gives a Latin word both its English and its French stem", "[unit][analysis]") {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze_query("réunions", Lang::unknown, tokens);
    REQUIRE(tokens.size() == 1);
    const auto stems = analyzer.query_stems(tokens[0]);
    CHECK(std::find(stems.begin(), stems.end(), document_stems("réunion", Lang::fr).front()) != stems.end());
    tokens.clear();
    analyzer.analyze_query("пытка", Lang::unknown, tokens);
    CHECK(analyzer.query_stems(tokens[0]) == document_stems("пыткам", Lang::ru));
}

TEST_CASE("overlong words are dropped but keep their position", "[unit][analysis]") {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze("before " + std::string(300, 'x') + " after", Lang::en, tokens);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[1].position - tokens[0].position == 2);
}

TEST_CASE("random bytes and random text never break the analyser", "[unit][analysis]") {
    std::mt19937 random(20261129);
    const std::vector<std::string> pieces = {"a", "é", "ё", "Ж", "’", "'", "\u00AD", "\u200B", " ", "\n\n",
                                             "l'", "-", "«", "»", "1", "\xF0\x9F\x98\x80", "ß", "і"};
    Analyzer analyzer;
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 60);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        std::vector<Token> tokens;
        analyzer.analyze(text, Lang::unknown, tokens);
        for (const Token& t : tokens) {
            REQUIRE(t.start < t.end);
            REQUIRE(t.end <= text.size());
            REQUIRE(!t.term.empty());
        }
    }
}
