/** @file
 *  @brief Unit tests of the HTML reader: visible text, titles, languages, articles, metadata and
 *         charsets.
 */
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "agora/ingest/decode.h"
#include "agora/util/utf8.h"
#include "agora/ingest/html_reader.h"

namespace {

const std::string kFixtures = AGORA_FIXTURES_DIR "/ingest/";

std::vector<agora::Article> read_html(std::string_view html, agora::SourceReport& report) {
    std::vector<agora::Article> articles;
    agora::read_html(
        html, "page.html",
        [&](agora::Article&& article) { articles.push_back(std::move(article)); }, report);
    return articles;
}

std::vector<agora::Article> read_html(std::string_view html) {
    agora::SourceReport report;
    return read_html(html, report);
}

/// The single article of @p html (fails the test when there is not exactly one).
agora::Article read_one(std::string_view html) {
    std::vector<agora::Article> articles = read_html(html);
    REQUIRE(articles.size() == 1);
    return articles[0];
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("HTML text: blocks break paragraphs, inline elements do not", "[unit][ingest]") {
    struct Case {
        const char* name;
        const char* html;
        std::string text;
    };
    const std::vector<Case> cases = {
        {"inline markup inside a word", "<p>Evgeniy Zhov<b>tis</b> was <i>released</i>.</p>",
         "Evgeniy Zhovtis was released."},
        {"paragraphs", "<p>First   paragraph\n spans\tlines.</p><p>Second.</p>",
         "First paragraph spans lines.\n\nSecond."},
        {"line break", "Line one<br>Line two", "Line one\n\nLine two"},
        {"list and table",
         "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>",
         "one\n\ntwo\n\na\n\nb"},
        {"space between inline elements kept", "<p><b>Civic</b> <i>space</i></p>", "Civic space"},
        {"entities", "<p>Law &amp; order&nbsp;&laquo;now&raquo; &#8212; &eacute;t&eacute;</p>",
         "Law & order «now» — été"},
        {"script, style, noscript, template, nav, comment skipped",
         "<nav>Menu</nav><script>var x = 1;</script><style>p{}</style><noscript>Enable JS"
         "</noscript><template><p>tpl</p></template><!-- note --><p>Visible</p>",
         "Visible"},
        {"hidden and svg skipped",
         "<div hidden>secret</div><svg><title>icon</title><text>T</text></svg><p>Shown</p>",
         "Shown"},
        {"broken markup", "<p>Unclosed <b>bold <div>inner text<p>after</i></table> end",
         "Unclosed bold\n\ninner text\n\nafter end"},
        {"header and footer kept without articles",
         "<header>Site name</header><p>Body</p><footer>Contacts</footer>",
         "Site name\n\nBody\n\nContacts"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(read_one(c.html).text == c.text);
    }
}

TEST_CASE("HTML title and language", "[unit][ingest]") {
    struct Case {
        const char* name;
        const char* html;
        std::string title;
        std::string lang;
    };
    const std::vector<Case> cases = {
        {"title element",
         "<html lang=\"ru-RU\"><head><title> Доклад  о свободе </title></head><body><h1>Другое"
         "</h1><p>Текст</p></body></html>",
         "Доклад о свободе", "ru"},
        {"first h1 when there is no title",
         "<html lang=\"FR\"><body><h2>Sub</h2><h1>Rapport <em>annuel</em></h1><p>x</p></body>",
         "Rapport annuel", "fr"},
        {"unsupported language", "<html lang=\"de\"><title>T</title><p>Text</p></html>", "T", ""},
        {"Content-Language meta",
         "<html><head><meta http-equiv=\"Content-Language\" content=\"en-GB\"><title>T</title>"
         "</head><body>Text</body></html>",
         "T", "en"},
        {"single article's lang overrides",
         "<html lang=\"en\"><title>T</title><body><article lang=\"ru\"><p>Текст</p></article>"
         "</body></html>",
         "T", "ru"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const agora::Article article = read_one(c.html);
        CHECK(article.title == c.title);
        CHECK(article.lang == c.lang);
        CHECK(article.number == 0);
    }
}

TEST_CASE("HTML pages with several articles give one article each", "[unit][ingest]") {
    const char* const html =
        "<html lang=\"en\"><head><title>Digest</title>"
        "<link rel=\"canonical\" href=\"https://example.org/digest\">"
        "<meta property=\"article:published_time\" content=\"2023-04-01T08:00:00+03:00\">"
        "</head><body><header>Site header</header><nav>Menu</nav>"
        "<article><header><h2>Picket in Almaty</h2><time datetime=\"2023-03-30\">30 March</time>"
        "</header><p>An activist was fined.</p>"
        "<article><p>Nested comment text.</p></article></article>"
        "<aside>Sidebar</aside>"
        "<article lang=\"fr\"><p>Une association a été dissoute.</p></article>"
        "<article><h3>Empty</h3></article>"
        "<article><script>x()</script></article>"
        "<footer>Site footer</footer></body></html>";
    const std::vector<agora::Article> articles = read_html(html);
    REQUIRE(articles.size() == 3);

    CHECK(articles[0].number == 1);
    CHECK(articles[0].title == "Picket in Almaty");
    CHECK(articles[0].text ==
          "Picket in Almaty\n\n30 March\n\nAn activist was fined.\n\nNested comment text.");
    CHECK(articles[0].date == "2023-03-30");
    CHECK(articles[0].lang == "en");
    CHECK(articles[0].url == "https://example.org/digest");

    CHECK(articles[1].number == 2);
    CHECK(articles[1].title == "Digest");  // no heading: the page title
    CHECK(articles[1].lang == "fr");
    CHECK(articles[1].date == "2023-04-01");

    CHECK(articles[2].number == 3);
    CHECK(articles[2].title == "Empty");
    CHECK(articles[2].text == "Empty");
    for (const agora::Article& article : articles) {
        CHECK_FALSE(contains(article.text, "Site"));
        CHECK_FALSE(contains(article.text, "Sidebar"));
        CHECK_FALSE(contains(article.text, "Menu"));
    }
}

TEST_CASE("HTML metadata: URL and date", "[unit][ingest]") {
    struct Case {
        const char* name;
        const char* head;
        std::string url;
        std::string date;
    };
    const std::vector<Case> cases = {
        {"og:url and meta date",
         "<meta property=\"og:url\" content=\"https://example.org/og\">"
         "<meta name=\"date\" content=\"2022-12-01\">",
         "https://example.org/og", "2022-12-01"},
        {"canonical wins over og:url",
         "<meta property=\"og:url\" content=\"https://example.org/og\">"
         "<link rel=\"Canonical\" href=\"https://example.org/canonical\">",
         "https://example.org/canonical", ""},
        {"published time wins over date",
         "<meta name=\"date\" content=\"2022-12-01\">"
         "<meta property=\"article:published_time\" content=\"2022-11-30T10:00Z\">",
         "", "2022-11-30"},
        {"unparsable date is left empty", "<meta name=\"date\" content=\"last Tuesday\">", "", ""},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const agora::Article article =
            read_one(std::string("<html><head>") + c.head + "</head><body><p>Text</p></body>");
        CHECK(article.url == c.url);
        CHECK(article.date == c.date);
    }

    const agora::Article with_time = read_one(
        "<body><header>Logo</header><article><time datetime=\"12.05.2021\">May</time>"
        "<p>Text</p></article><footer>Contacts</footer></body>");
    CHECK(with_time.date == "2021-05-12");
    CHECK(with_time.text == "May\n\nText");
}

TEST_CASE("HTML date: metadata in order, then <time>, then the text", "[unit][ingest][dates]") {
    struct Case {
        const char* name;
        const char* head;
        const char* body;
        std::string date;
    };
    const std::vector<Case> cases = {
        {"dcterms.date", "<meta name=\"dcterms.date\" content=\"2021-02-03\">", "<p>Text</p>",
         "2021-02-03"},
        {"DC.date, any case", "<meta name=\"DC.date\" content=\"03.02.2021\">", "<p>Text</p>",
         "2021-02-03"},
        {"itemprop meta", "<meta itemprop=\"datePublished\" content=\"2021-02-03T09:00:00Z\">",
         "<p>Text</p>", "2021-02-03"},
        {"itemprop on a time element", "",
         "<p>By a monitor, <time itemprop=\"datePublished\" datetime=\"2021-02-03\">3 Feb</time>"
         "</p><p>Text</p>",
         "2021-02-03"},
        {"itemprop on text", "",
         "<p>Posted <span itemprop=\"datePublished\">3 February 2021</span></p><p>Text</p>",
         "2021-02-03"},
        {"published time wins over a name=date met first",
         "<meta name=\"date\" content=\"2021-01-01\">"
         "<meta property=\"article:published_time\" content=\"2021-02-03\">",
         "<p>Text</p>", "2021-02-03"},
        {"name=date wins over itemprop",
         "<meta itemprop=\"datePublished\" content=\"2021-01-01\">"
         "<meta name=\"date\" content=\"2021-02-03\">",
         "<p>Text</p>", "2021-02-03"},
        {"an invalid meta date gives way to the next source",
         "<meta property=\"article:published_time\" content=\"soon\">"
         "<meta name=\"dcterms.date\" content=\"2021-02-03\">",
         "<p>Text</p>", "2021-02-03"},
        {"metadata wins over the single article's time",
         "<meta name=\"date\" content=\"2021-02-03\">",
         "<article><time datetime=\"2020-01-01\">1 Jan</time><p>Text</p></article>", "2021-02-03"},
        {"time inside the page header", "",
         "<header><p>Site</p><time datetime=\"2021-02-03\">today</time></header><p>Text</p>",
         "2021-02-03"},
        {"a time outside header and article is not the page's date", "",
         "<p>The hearing is on <time datetime=\"2021-02-03\">3 February</time>.</p>", ""},
        {"text fallback: dateline", "",
         "<h1>Court upholds fine</h1><p>Almaty, 8 June 2020 — On 5 June 2020 the court upheld "
         "the fine.</p>",
         "2020-06-08"},
        {"text fallback: Russian cue", "",
         "<p>Опубликовано 8 июня 2020 г.</p><p>С 1 мая 2020 года действует запрет.</p>",
         "2020-06-08"},
        {"text fallback: French signature", "",
         "<p>Depuis le 1er mai 2021, l'association est privée de locaux.</p>"
         "<p>Paris, le 8 juin 2021</p>",
         "2021-06-08"},
        {"text fallback: title", "<title>Weekly bulletin, 8 June 2020</title>",
         "<p>On 5 June 2020 a picket was dispersed.</p>", "2020-06-08"},
        {"metadata wins over the text", "<meta name=\"date\" content=\"2021-02-03\">",
         "<p>Published: 8 June 2020</p>", "2021-02-03"},
        {"event dates only", "",
         "<p>On 5 January 2022 police detained twelve protesters.</p>", ""},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const agora::Article article = read_one(std::string("<html><head>") + c.head +
                                                "</head><body>" + c.body + "</body></html>");
        CHECK(article.date == c.date);
    }

    // Several articles: each one's own <time>, else the page's metadata, else its own text.
    const std::vector<agora::Article> articles = read_html(
        "<html><body><article><p>Almaty, 8 June 2020 — First.</p></article>"
        "<article><time datetime=\"2020-06-09\">9 June</time><p>Second.</p></article>"
        "<article><p>On 5 June 2020 nothing happened.</p></article></body></html>");
    REQUIRE(articles.size() == 3);
    CHECK(articles[0].date == "2020-06-08");
    CHECK(articles[1].date == "2020-06-09");
    CHECK(articles[2].date == "");
}

TEST_CASE("HTML reader survives hostile input", "[unit][ingest]") {
    SECTION("deep nesting keeps the text after it") {
        std::string html = "<p>intro</p>";
        for (int i = 0; i < 5000; ++i) html += "<div><font>";
        html += "deep text";
        for (int i = 0; i < 5000; ++i) html += "</font></div>";
        html += "<p>outro</p>";
        CHECK(read_one(html).text == "intro\n\ndeep text\n\noutro");
    }
    SECTION("random bytes never crash") {
        std::mt19937 random(7);
        std::uniform_int_distribution<int> byte(0, 255);
        const std::string alphabet = "<>/=\"' abp!-&;#x\xD0\xC3";
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        for (int round = 0; round < 300; ++round) {
            std::string html;
            for (int i = 0; i < 200; ++i) {
                html += round % 2 ? static_cast<char>(byte(random)) : alphabet[pick(random)];
            }
            agora::SourceReport report;
            for (const agora::Article& article : read_html(html, report)) {
                REQUIRE(agora::is_valid_utf8(article.text));
                REQUIRE_FALSE(article.text.empty());
            }
        }
    }
}

TEST_CASE("HTML without visible text is rejected", "[unit][ingest]") {
    for (const char* html : {"<html><head><title>Only a title</title></head><body></body></html>",
                             "<script>alert(1)</script>", "<!-- nothing -->", "   "}) {
        INFO(html);
        agora::SourceReport report;
        CHECK(read_html(html, report).empty());
        CHECK(report.rejected);
        REQUIRE(report.diagnostics.size() == 1);
        CHECK(report.diagnostics[0].message == "no text");
    }
}

TEST_CASE("HTML charsets: declared, detected, mislabelled", "[unit][ingest]") {
    struct Case {
        const char* file;
        std::string charset;
        std::string title;
        std::string text_part;
    };
    const std::vector<Case> cases = {
        {"page_cp1251_meta.html", "windows-1251", "Доклад о свободе слова",
         "Блогеров штрафовали за публикации о местных чиновниках."},
        {"page_cp1251_nometa.html", "windows-1251", "Новости",
         "Суд оштрафовал активиста за одиночный пикет у здания администрации."},
        {"page_koi8r_mislabelled.html", "KOI8-R", "Доклад о свободе слова",
         "Редакции независимых газет получали предупреждения."},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        agora::SourceReport report;
        const std::vector<agora::Article> articles =
            read_html(read_bytes(kFixtures + c.file), report);
        REQUIRE(articles.size() == 1);
        CHECK(report.charset == c.charset);
        CHECK(report.diagnostics.empty());
        CHECK(articles[0].title == c.title);
        CHECK(contains(articles[0].text, c.text_part));
        CHECK_FALSE(contains(articles[0].text, "Главная"));  // inside <nav>
    }

    SECTION("invalid UTF-8 is repaired and counted") {
        agora::SourceReport report;
        const std::vector<agora::Article> articles =
            read_html("<p>Свобода собраний \xD0 и слова</p>", report);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].text == "Свобода собраний \xEF\xBF\xBD и слова");
        CHECK(report.charset == "UTF-8");
        REQUIRE(report.diagnostics.size() == 1);
        CHECK(report.diagnostics[0].message == "1 invalid byte sequences replaced");
    }
    SECTION("an XML declaration names the charset") {
        const std::string xhtml = std::string("<?xml version=\"1.0\" encoding=\"KOI8-R\"?>") +
                                  "<html><body><p>\xF3\xD5\xC4</p></body></html>";
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_html(xhtml, report);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].text == "Суд");
        CHECK(report.charset == "KOI8-R");
    }
}
