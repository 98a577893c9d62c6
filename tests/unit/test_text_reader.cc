/** @file
 *  @brief Unit tests of plain text and Markdown pages (the `•` splitter, titles, Markdown clean-up,
 *         limits) and of read_source on fixture files.
 */
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "agora/ingest/decode.h"
#include "agora/util/utf8.h"
#include "agora/ingest/source_reader.h"
#include "agora/ingest/text_reader.h"
#include "agora/limits.h"

namespace {

const std::string kFixtures = AGORA_FIXTURES_DIR "/ingest/";

std::vector<agora::Article> read_page(std::string_view text, bool markdown,
                                      agora::SourceReport& report) {
    std::vector<agora::Article> articles;
    agora::read_text_page(
        text, markdown, "page.txt",
        [&](agora::Article&& article) { articles.push_back(std::move(article)); }, report);
    return articles;
}

std::vector<agora::Article> read_page(std::string_view text, bool markdown = false) {
    agora::SourceReport report;
    return read_page(text, markdown, report);
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

const char* const kDigest =
    "Weekly digest: civic freedoms\n"
    "\n"
    "  • Court fines activist for a single-person picket\n"
    "    A district court fined a local activist after she stood alone\n"
    "    with a poster near the city hall.\n"
    "\n"
    "    Her lawyer said the fine would be appealed.\n"
    "\n"
    "  • New rules for registering associations\n"
    "    The ministry published draft rules.\n"
    "      • Reports would be due every quarter.\n"
    "      • Missing a report could lead to\n"
    "        closure.\n"
    "\n"
    "  • Journalists detained while covering a protest\n"
    "    Two reporters were held for several hours.\n"
    "\n"
    "Subscribe to the digest at our office.\n"
    "  Trailing furniture line.\n";

}  // namespace

TEST_CASE("a digest page gives one article per shallowest bullet", "[unit][ingest]") {
    for (const std::string newline : {"\n", "\r\n", "\r"}) {
        INFO("newline " << (newline == "\n" ? "LF" : newline == "\r\n" ? "CRLF" : "CR"));
        std::string text = kDigest;
        std::string converted;
        for (char c : text) converted += c == '\n' ? newline : std::string(1, c);

        const std::vector<agora::Article> articles = read_page(converted);
        REQUIRE(articles.size() == 3);
        CHECK(articles[0].number == 1);
        CHECK(articles[1].number == 2);
        CHECK(articles[2].number == 3);
        CHECK(articles[0].title == "Court fines activist for a single-person picket");
        CHECK(articles[0].text ==
              "A district court fined a local activist after she stood alone with a poster near "
              "the city hall.\n\nHer lawyer said the fine would be appealed.");
        CHECK(articles[1].title == "New rules for registering associations");
        CHECK(articles[1].text ==
              "The ministry published draft rules.\n\nReports would be due every quarter.\n\n"
              "Missing a report could lead to closure.");
        CHECK(articles[2].title == "Journalists detained while covering a protest");
        CHECK(articles[2].text == "Two reporters were held for several hours.");
        for (const agora::Article& article : articles) {
            CHECK_FALSE(contains(article.text, "Weekly digest"));
            CHECK_FALSE(contains(article.text, "Subscribe"));
            CHECK_FALSE(contains(article.text, "furniture"));
            CHECK_FALSE(contains(article.text, "•"));
        }
    }
}

TEST_CASE("bullets that are not headlines stay list items of one article", "[unit][ingest]") {
    struct Case {
        const char* name;
        const char* text;
        std::size_t articles;
        std::string first_title;
    };
    const std::vector<Case> cases = {
        {"headlines at column 0 with bodies at column 0",
         "• First headline\nBody of the first.\n\n• Second headline\nBody of the second.\n", 2,
         "First headline"},
        {"a tight list followed by a paragraph",
         "Notes on the assembly law\n\nThe draft introduces three changes:\n• a longer notice "
         "period;\n• new restricted zones;\n• higher fines.\n\nCivil groups criticised the "
         "draft.\n",
         1, "Notes on the assembly law"},
        {"one bullet with a deeper body",
         "Digest\n\n• Activist released\n    She was released after ten days.\n", 1,
         "Activist released"},
        {"one bullet followed by text at its own level",
         "Report\n\n• one item only\nThen an ordinary paragraph follows.\n", 1, "Report"},
        {"a bullet sign alone is not a bullet", "Title line\n\n•\nText after it.\n", 1,
         "Title line"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::vector<agora::Article> articles = read_page(c.text);
        REQUIRE(articles.size() == c.articles);
        CHECK(articles[0].title == c.first_title);
        if (c.articles == 1) CHECK(articles[0].number == 0);
    }

    const std::vector<agora::Article> list = read_page(cases[1].text);
    CHECK(list[0].text ==
          "The draft introduces three changes:\n\na longer notice period;\n\nnew restricted "
          "zones;\n\nhigher fines.\n\nCivil groups criticised the draft.");
}

TEST_CASE("a page without headlines is one article titled by a short first line",
          "[unit][ingest]") {
    struct Case {
        const char* name;
        const char* text;
        std::string title;
        std::string body;
    };
    const std::vector<Case> cases = {
        {"title, blank line, paragraphs",
         "Freedom of association\n\nNGOs must register.\nMany were refused.\n\nSome appealed.\n",
         "Freedom of association", "NGOs must register. Many were refused.\n\nSome appealed."},
        {"title followed directly by text", "Свобода объединений\nНКО обязаны регистрироваться.\n",
         "Свобода объединений", "НКО обязаны регистрироваться."},
        {"first line ends with a period", "The court ruled today.\nThe fine was large.\n", "",
         "The court ruled today. The fine was large."},
        {"first line continues in lowercase", "The court ruled on Monday that\nthe fine stands.\n",
         "", "The court ruled on Monday that the fine stands."},
        {"first line continues in Russian lowercase",
         "Суд постановил в понедельник\nоставить штраф в силе.\n", "",
         "Суд постановил в понедельник оставить штраф в силе."},
        {"only a title", "Liberté de réunion\n", "Liberté de réunion", "Liberté de réunion"},
        {"indented text", "    Indented title\n\n      first line\n      second line\n",
         "Indented title", "first line second line"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::vector<agora::Article> articles = read_page(c.text);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].number == 0);
        CHECK(articles[0].title == c.title);
        CHECK(articles[0].text == c.body);
    }

    const std::string long_line(200, 'x');
    const std::vector<agora::Article> untitled = read_page(long_line + "\n\nMore text.\n");
    CHECK(untitled[0].title.empty());
}

TEST_CASE("Markdown pages: heading title, markup stripped, front matter", "[unit][ingest]") {
    SECTION("heading and inline markup") {
        const std::vector<agora::Article> articles = read_page(
            "Intro line before the heading\n\n# Protest *rights* in 2023 #\n\n"
            "Bloggers faced **criminal charges** for _posts_ about snake_case_names.\n"
            "See the [full report](https://example.org/a_(b)) and ![a chart](c.png) now.\n\n"
            "- first point\n- second `code span` point\n\n"
            "```\nraw_code *kept* here\n```\n\n> quoted text\n\n2 * 3 = 6\n",
            true);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].title == "Protest rights in 2023");
        CHECK(articles[0].text ==
              "Intro line before the heading\n\n"
              "Bloggers faced criminal charges for posts about snake_case_names. See the full "
              "report and now.\n\nfirst point\n\nsecond code span point\n\n"
              "raw_code *kept* here\n\nquoted text\n\n2 * 3 = 6");
    }
    SECTION("setext heading") {
        const std::vector<agora::Article> articles =
            read_page("Rapport annuel\n==============\n\nLe texte du rapport.\n", true);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].title == "Rapport annuel");
        CHECK(articles[0].text == "Le texte du rapport.");
    }
    SECTION("front matter gives metadata and is not text") {
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_page(
            "---\ntitle: \"Freedom of expression\"\ndate: 2023-05-04\nlang: en-GB\n"
            "url: https://example.org/x\ntags: [a, b]\n---\n\n# Freedom of expression\n\n"
            "Body text.\n",
            true, report);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].title == "Freedom of expression");
        CHECK(articles[0].text == "Body text.");
        CHECK(articles[0].date == "2023-05-04");
        CHECK(articles[0].lang == "en");
        CHECK(articles[0].url == "https://example.org/x");
        CHECK(report.diagnostics.empty());
    }
    SECTION("an unclosed front matter is text") {
        const std::vector<agora::Article> articles = read_page("---\ntitle: x\n\nBody\n", true);
        REQUIRE(articles.size() == 1);
        CHECK(contains(articles[0].text, "title: x"));
    }
    SECTION("a digest in Markdown") {
        const std::vector<agora::Article> articles = read_page(
            "# Digest\n\n• **First** story\n  Text one.\n\n• Second story\n  Text two.\n", true);
        REQUIRE(articles.size() == 2);
        CHECK(articles[0].title == "First story");
        CHECK(articles[1].text == "Text two.");
    }
}

TEST_CASE("text pages are bounded and empty pages rejected", "[unit][ingest]") {
    SECTION("whitespace only") {
        agora::SourceReport report;
        CHECK(read_page(" \n\t\r\n", false, report).empty());
        CHECK(report.rejected);
        REQUIRE(report.diagnostics.size() == 1);
        CHECK(report.diagnostics[0].to_string() == "page.txt: empty file");
    }
    SECTION("an over-long body is cut at a character boundary") {
        std::string text = "Long report\n\n";
        while (text.size() <= agora::limits::kMaxDocumentBytes + 100) text += "Свобода слова. ";
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_page(text, false, report);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].text.size() <= agora::limits::kMaxDocumentBytes);
        CHECK(articles[0].text.size() + 4 > agora::limits::kMaxDocumentBytes);
        CHECK(agora::is_valid_utf8(articles[0].text));
        CHECK_FALSE(report.rejected);
        REQUIRE(report.diagnostics.size() == 1);
        CHECK(report.diagnostics[0].severity == agora::Severity::warning);
        CHECK(contains(report.diagnostics[0].message, "truncated"));
    }
    SECTION("an over-long headline is cut") {
        std::string headline;
        while (headline.size() <= agora::limits::kMaxTitleBytes) headline += "Право ";
        const std::vector<agora::Article> articles =
            read_page("• " + headline + "\n  Body.\n• Second\n  Body.\n");
        REQUIRE(articles.size() == 2);
        CHECK(articles[0].title.size() <= agora::limits::kMaxTitleBytes);
        CHECK(agora::is_valid_utf8(articles[0].title));
    }
}

TEST_CASE("text reader survives hostile input", "[unit][ingest]") {
    std::mt19937 random(11);
    const std::string alphabet = "\n\n  \t#*_[]()!`~>-+1.:x\xE2\x80\xA2";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    for (int round = 0; round < 500; ++round) {
        std::string bytes;
        for (int i = 0; i < 300; ++i) bytes += alphabet[pick(random)];
        const std::string text = agora::decode_to_utf8(bytes).text;
        agora::SourceReport report;
        for (const agora::Article& article : read_page(text, round % 2 == 0, report)) {
            REQUIRE(agora::is_valid_utf8(article.text));
            REQUIRE(agora::is_valid_utf8(article.title));
        }
    }
    std::string nested;
    for (int i = 0; i < 100000; ++i) nested += "[";
    nested += "x";
    for (int i = 0; i < 100000; ++i) nested += "](u)";
    CHECK(read_page(nested, true).size() == 1);
}

TEST_CASE("read_source reads fixture files of every kind", "[unit][ingest]") {
    struct Case {
        const char* file;
        std::size_t articles;
        bool rejected;
        std::string charset;
        std::string message;  ///< expected first diagnostic, if any
    };
    const std::vector<Case> cases = {
        {"empty.txt", 0, true, "", "empty.txt: empty file"},
        {"whitespace.txt", 0, true, "UTF-8", "whitespace.txt: empty file"},
        {"binary.txt", 0, true, "", "binary.txt: binary file"},
        {"no-such-file.txt", 0, true, "",
         "no-such-file.txt: cannot read: No such file or directory"},
        {"ru_cp1251.txt", 1, false, "windows-1251", ""},
        {"ru_koi8r.txt", 1, false, "KOI8-R", ""},
        {"fr_latin1.txt", 1, false, "ISO-8859-1", ""},
        {"en_bom.txt", 1, false, "UTF-8", ""},
        {"digest.txt", 3, false, "UTF-8", ""},
        {"expression.md", 1, false, "UTF-8", ""},
        {"page_cp1251_meta.html", 1, false, "windows-1251", ""},
        {"records.jsonl", 4, false, "UTF-8", "records.jsonl:4: not valid JSON"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        std::vector<agora::Article> articles;
        const agora::SourceReport report = agora::read_source(
            kFixtures + c.file, c.file,
            [&](agora::Article&& article) { articles.push_back(std::move(article)); });
        CHECK(report.articles == c.articles);
        CHECK(articles.size() == c.articles);
        CHECK(report.rejected == c.rejected);
        CHECK(report.charset == c.charset);
        if (c.message.empty()) {
            CHECK(report.diagnostics.empty());
        } else {
            REQUIRE_FALSE(report.diagnostics.empty());
            CHECK(report.diagnostics[0].to_string() == c.message);
        }
    }
}

TEST_CASE("read_source decodes legacy text and keeps its structure", "[unit][ingest]") {
    std::vector<agora::Article> articles;
    const auto sink = [&](agora::Article&& article) { articles.push_back(std::move(article)); };

    agora::read_source(kFixtures + "ru_koi8r.txt", "ru_koi8r.txt", sink);
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == "Свобода собраний в регионах");
    CHECK(contains(articles[0].text, "суды назначали штрафы"));
    CHECK(contains(articles[0].text, "\n\nПравозащитники призывают"));

    articles.clear();
    agora::read_source(kFixtures + "fr_latin1.txt", "fr_latin1.txt", sink);
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == "Liberté d'association");
    CHECK(contains(articles[0].text, "indépendantes signalent des contrôles répétés"));

    articles.clear();
    agora::read_source(kFixtures + "expression.md", "expression.md", sink);
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == "Freedom of expression in 2023");
    CHECK(articles[0].date == "2023-05-04");
    CHECK(articles[0].lang == "en");
    CHECK(articles[0].text ==
          "Bloggers faced criminal charges for posts that criticised local officials. See the "
          "full report for details.\n\narticle 207.3 of the criminal code");
}

TEST_CASE("is_supported_source goes by extension", "[unit][ingest]") {
    CHECK(agora::is_supported_source("a/report.TXT"));
    CHECK(agora::is_supported_source("report.md"));
    CHECK(agora::is_supported_source("report.markdown"));
    CHECK(agora::is_supported_source("page.HTM"));
    CHECK(agora::is_supported_source("page.html"));
    CHECK(agora::is_supported_source("dump.jsonl"));
    CHECK_FALSE(agora::is_supported_source("report.docx"));
    CHECK_FALSE(agora::is_supported_source("README"));
    CHECK_FALSE(agora::is_supported_source("archive.txt.gz"));
}
