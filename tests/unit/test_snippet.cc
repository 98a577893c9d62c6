/** @file
 *  @brief Snippets: stem-, elision- and accent-aware highlighting at exact offsets, and escaping.
 */
#include "agora/search/query_builder.h"
#include "agora/search/snippet.h"

#include <catch2/catch.hpp>

using agora::Analyzer;
using agora::Lang;
using agora::QueryBuilder;
using agora::SnippetMaker;

namespace {

std::string snippet_html(const std::string& text, Lang lang, const std::string& query) {
    static Analyzer analyzer;
    QueryBuilder builder(analyzer);
    SnippetMaker maker(analyzer);
    return maker.make(text, lang, builder.parse(query).highlight).html();
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("matches are marked where stems, elision and accents met the query", "[unit][snippet]") {
    struct Case {
        const char* text;
        Lang lang;
        const char* query;
        const char* marked;
    };
    const Case cases[] = {
        {"Police arrested twelve people on Monday.", Lang::en, "arrest", "<mark>arrested</mark>"},
        {"Сообщения о пыткам задержанных поступают.", Lang::ru, "пытка", "<mark>пыткам</mark>"},
        {"Le droit à l’éducation reste menacé.", Lang::fr, "education", "<mark>l’éducation</mark>"},
        {"La hausse du chômage inquiète.", Lang::fr, "chomage", "<mark>chômage</mark>"},
        {"Он ещё не вернулся.", Lang::ru, "еще", "<mark>ещё</mark>"},
        {"Les réunions pacifiques sont interdites.", Lang::fr, "\"réunions pacifiques\"",
         "<mark>réunions pacifiques</mark>"},
    };
    for (const Case& c : cases) {
        const std::string html = snippet_html(c.text, c.lang, c.query);
        INFO(c.query << " → " << html);
        CHECK(has(html, c.marked));
    }
}

TEST_CASE("snippet text is HTML-escaped", "[unit][snippet]") {
    const std::string html = snippet_html("A <script>alert(1)</script> & \"torture\" report", Lang::en, "torture");
    INFO(html);
    CHECK_FALSE(has(html, "<script>"));
    CHECK(has(html, "&lt;script&gt;"));
    CHECK(has(html, "&amp;"));
    CHECK(has(html, "&quot;<mark>torture</mark>&quot;"));
}

TEST_CASE("the window moves to the matches in a long text", "[unit][snippet]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "filler ";
    text += "the court sentenced the journalist to prison";
    for (int i = 0; i < 200; ++i) text += " filler";
    const std::string html = snippet_html(text, Lang::en, "journalist prison");
    INFO(html);
    CHECK(has(html, "<mark>journalist</mark>"));
    CHECK(has(html, "<mark>prison</mark>"));
    CHECK(html.rfind("…", 0) == 0);
}

TEST_CASE("without a match the snippet is the opening of the text", "[unit][snippet]") {
    const std::string html = snippet_html("Opening words of the report.", Lang::en, "absent");
    CHECK(html == "Opening words of the report.");
}
