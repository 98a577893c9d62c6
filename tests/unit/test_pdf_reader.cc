/** @file
 *  @brief Unit tests of the PDF reader: pages, paragraphs, hyphens, scripts, metadata, and every
 *         kind of unreadable PDF, on PDFs the tests write themselves.
 */
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "agora/ingest/pdf_reader.h"
#include "agora/ingest/source_reader.h"
#include "agora/limits.h"
#include "agora/util/utf8.h"
#include "pdf_writer.h"
#include "test_support.h"

using agora::test::make_pdf;
using agora::test::PdfSpec;

namespace {

std::vector<agora::Article> read_pdf(std::string_view bytes, agora::SourceReport& report) {
    std::vector<agora::Article> articles;
    agora::read_pdf(
        bytes, "report.pdf",
        [&](agora::Article&& article) { articles.push_back(std::move(article)); }, report);
    return articles;
}

/// The single article of @p spec's PDF (fails the test when there is not exactly one).
agora::Article read_one(const PdfSpec& spec) {
    agora::SourceReport report;
    std::vector<agora::Article> articles = read_pdf(make_pdf(spec), report);
    REQUIRE(articles.size() == 1);
    CHECK_FALSE(report.rejected);
    CHECK(report.diagnostics.empty());
    return articles[0];
}

/// The rejection message of @p bytes (fails the test when they are not rejected, or give an
/// article).
std::string rejection_of(std::string_view bytes) {
    agora::SourceReport report;
    std::vector<agora::Article> articles;
    REQUIRE_NOTHROW(articles = read_pdf(bytes, report));
    CHECK(articles.empty());
    REQUIRE(report.rejected);
    REQUIRE(report.diagnostics.size() == 1);
    CHECK(report.diagnostics[0].severity == agora::Severity::rejection);
    CHECK(report.diagnostics[0].file == "report.pdf");
    return report.diagnostics[0].message;
}

/// Page @p n (1-based) of a paged text.
std::string page(const std::string& text, std::size_t n) {
    std::size_t start = 0;
    for (std::size_t i = 1; i < n; ++i) {
        start = text.find('\f', start);
        REQUIRE(start != std::string::npos);
        ++start;
    }
    return text.substr(start, text.find('\f', start) - start);
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.starts_with(prefix);
}

PdfSpec one_page(std::vector<std::string> lines) {
    PdfSpec spec;
    spec.pages = {std::move(lines)};
    return spec;
}

}  // namespace

TEST_CASE("PDF pages are separated by form feeds", "[unit][ingest][pdf]") {
    PdfSpec spec;
    spec.pages = {
        {"First page about alpha"}, {"Second page about beta"}, {"Third page about gamma"}};
    const agora::Article article = read_one(spec);
    CHECK(article.paged);
    CHECK(article.text == "First page about alpha\fSecond page about beta\fThird page about gamma");
    CHECK(std::count(article.text.begin(), article.text.end(), '\f') == 2);
    // The word of page 3 lies after the 2nd form feed, the one of page 2 between the 1st and 2nd.
    const std::size_t gamma = article.text.find("gamma");
    const std::size_t second_break = article.text.find('\f', article.text.find('\f') + 1);
    CHECK(gamma > second_break);
    CHECK(page(article.text, 2) == "Second page about beta");
    CHECK(article.number == 0);
    CHECK(article.lang.empty());
}

TEST_CASE("PDF pages without text keep their place", "[unit][ingest][pdf]") {
    PdfSpec spec;
    spec.pages = {{"Before the blank page"}, {}, {"After the blank page"}};
    const agora::Article article = read_one(spec);
    CHECK(article.text == "Before the blank page\f\fAfter the blank page");
    CHECK(page(article.text, 3) == "After the blank page");
}

TEST_CASE("PDF text in Russian and French comes back exactly", "[unit][ingest][pdf]") {
    const std::vector<std::string> lines = {
        "Правозащитники сообщили о задержании журналистов в Казани.",
        "",
        "Ёлка, объявлённые «иностранными агентами» — 2023 г.",
        "",
        "Les défenseurs des droits de l’homme ont été arrêtés à Niamey.",
        "",
        "Œuvre, naïveté, garçon, où, çà et là : « liberté » ! Ça va ?"};
    const agora::Article article = read_one(one_page(lines));
    CHECK(agora::is_valid_utf8(article.text));
    CHECK(article.text == lines[0] + "\n\n" + lines[2] + "\n\n" + lines[4] + "\n\n" + lines[6]);
}

TEST_CASE("PDF lines join into paragraphs, and gaps and headings separate them",
          "[unit][ingest][pdf]") {
    SECTION("blank lines separate paragraphs, lines of a paragraph are joined with a space") {
        const agora::Article article = read_one(
            one_page({"The first paragraph runs", "over three lines of", "the page.", "",
                      "A second one.", "", "", "A third after a wider gap,", "on two lines."}));
        CHECK(article.text ==
              "The first paragraph runs over three lines of the page.\n\nA second one.\n\n"
              "A third after a wider gap, on two lines.");
    }
    SECTION("a heading in a larger font is its own paragraph even without a gap") {
        PdfSpec spec = one_page({"Freedom of Assembly", "Protesters were detained on", "Monday."});
        spec.first_line_size = 20;
        const agora::Article article = read_one(spec);
        CHECK(article.text == "Freedom of Assembly\n\nProtesters were detained on Monday.");
    }
    SECTION("each bullet starts a paragraph") {
        const agora::Article article = read_one(
            one_page({"Demands:", "• release the detained", "journalists;", "• end the raids."}));
        CHECK(article.text ==
              "Demands:\n\n• release the detained journalists;\n\n• end the raids.");
    }
    SECTION("one-line paragraphs separated by gaps stay apart") {
        const agora::Article article =
            read_one(one_page({"One.", "", "Two.", "", "Three.", "", "Four."}));
        CHECK(article.text == "One.\n\nTwo.\n\nThree.\n\nFour.");
    }
}

TEST_CASE("PDF words hyphenated at a line end are joined back", "[unit][ingest][pdf]") {
    struct Case {
        std::string first, second, joined;
    };
    const std::vector<Case> cases = {
        {"Several activ-", "ists were detained.", "Several activists were detained."},
        {"Задержаны правозащит-", "ники из Москвы.", "Задержаны правозащитники из Москвы."},
        {"Les défen-", "seurs des droits.", "Les défenseurs des droits."},
        {"The Franco-", "German border.", "The Franco-German border."},
        {"During the COVID-", "19 pandemic.", "During the COVID-19 pandemic."},
        {"In the years 2019-", "2020 alone.", "In the years 2019-2020 alone."},
        {"The well-", "Known case.", "The well-Known case."},
        {"Words and a dash -", "then more.", "Words and a dash - then more."},
        {"Soft hyphen: multi\u00AD", "lateral talks.", "Soft hyphen: multilateral talks."},
    };
    for (const Case& c : cases) {
        INFO(c.first);
        CHECK(read_one(one_page({c.first, c.second})).text == c.joined);
    }
}

TEST_CASE("PDF text holds no form feed but the page breaks", "[unit][ingest][pdf]") {
    const agora::Article article = read_one(one_page({"alpha\fbeta\x01gamma\tdelta"}));
    CHECK(article.text.find('\f') == std::string::npos);
    CHECK(article.text == "alpha beta gamma delta");
}

TEST_CASE("PDF title: Info dictionary, else the first short paragraph", "[unit][ingest][pdf]") {
    SECTION("from Info, in any script") {
        PdfSpec spec = one_page({"Body text."});
        spec.title = "Доклад о свободе собраний";
        CHECK(read_one(spec).title == "Доклад о свободе собраний");
    }
    SECTION("from the first line when Info has none") {
        PdfSpec spec = one_page({"Annual Report on Civic Space", "", "The situation worsened."});
        spec.first_line_size = 18;
        CHECK(read_one(spec).title == "Annual Report on Civic Space");
    }
    SECTION("a file name in Info is no title") {
        PdfSpec spec = one_page({"Rapport annuel", "", "Le texte du rapport."});
        spec.title = "Microsoft Word - rapport_final_v3.docx";
        CHECK(read_one(spec).title == "Rapport annuel");
        spec.title = "draft.doc";
        CHECK(read_one(spec).title == "Rapport annuel");
    }
    SECTION("an office program's prefix is cut") {
        PdfSpec spec = one_page({"Body text."});
        spec.title = "Microsoft Word - Annual Review 2022";
        CHECK(read_one(spec).title == "Annual Review 2022");
    }
    SECTION("no title when the first paragraph is a sentence or long") {
        CHECK(read_one(one_page({"The report opens with a sentence.", "", "More."})).title.empty());
        std::string line;
        for (int i = 0; i < 16; ++i) line += "word ";
        CHECK(read_one(one_page({line, line})).title.empty());  // 160 characters
    }
    SECTION("the first page with text gives the title") {
        PdfSpec spec;
        spec.pages = {{}, {"Second Page Heading", "", "Text."}};
        CHECK(read_one(spec).title == "Second Page Heading");
    }
    SECTION("a long Info title is cut to the limit") {
        PdfSpec spec = one_page({"Body text."});
        spec.title = std::string(400, 'a') + " " + std::string(400, 'b');
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_pdf(make_pdf(spec), report);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].title.size() <= agora::limits::kMaxTitleBytes);
    }
}

TEST_CASE("PDF date from the creation date", "[unit][ingest][pdf]") {
    struct Case {
        const char* raw;
        const char* date;
    };
    const std::vector<Case> cases = {
        {"D:20230312100000+03'00'", "2023-03-12"},
        {"D:20191231235959Z", "2019-12-31"},
        {"D:202106", "2021-06"},
        {"D:2021", "2021"},
        {"20230312", "2023-03-12"},
        {"2022-11-05T10:00:00Z", "2022-11-05"},
        {"D:00000101000000Z", ""},
        {"D:19700101000000Z", ""},
        {"D:20231345000000Z", ""},
        {"yesterday", ""},
    };
    for (const Case& c : cases) {
        INFO(c.raw);
        PdfSpec spec = one_page({"Body text."});
        spec.creation_date = c.raw;
        CHECK(read_one(spec).date == c.date);
    }
    CHECK(read_one(one_page({"Body text."})).date.empty());
}

TEST_CASE("PDF without a text layer is rejected", "[unit][ingest][pdf]") {
    PdfSpec spec;
    spec.pages = {{"Invisible"}, {"Pages"}};
    spec.no_text = true;
    CHECK(rejection_of(make_pdf(spec)) == "no text layer (a scanned PDF?); Agora does not do OCR");
}

TEST_CASE("encrypted PDF is rejected", "[unit][ingest][pdf]") {
    PdfSpec spec = one_page({"Secret text"});
    spec.title = "Secret";
    spec.encrypted = true;
    CHECK(rejection_of(make_pdf(spec)) == "encrypted PDF: cannot read it without its password");
}

TEST_CASE("truncated, empty and garbage PDFs are rejected", "[unit][ingest][pdf]") {
    PdfSpec spec;
    spec.pages = {{"Page one text"}, {"Page two text"}};
    const std::string pdf = make_pdf(spec);
    CHECK(starts_with(rejection_of(pdf.substr(0, pdf.size() / 2)), "not a readable PDF ("));
    CHECK(rejection_of("") == "not a readable PDF (no %PDF header)");
    CHECK(rejection_of("Hello, this is plain text.\n") == "not a readable PDF (no %PDF header)");
    CHECK(starts_with(rejection_of("%PDF-1.7\nnothing but garbage here\n%%EOF\n"),
                      "not a readable PDF ("));

    std::mt19937 random(7);
    std::string noise(4096, '\0');
    for (char& c : noise) c = static_cast<char>(random() & 0xFF);
    CHECK(starts_with(rejection_of(noise), "not a readable PDF ("));
    CHECK(starts_with(rejection_of("%PDF-1.4\n" + noise + "\n%%EOF\n"), "not a readable PDF ("));
}

TEST_CASE("damaged PDFs never throw or crash", "[unit][ingest][pdf]") {
    PdfSpec spec;
    spec.pages = {{"Ущерб", "", "Dégâts et texte"}, {"Page two"}};
    spec.title = "Damaged";
    spec.creation_date = "D:20200101";
    const std::string pdf = make_pdf(spec);
    std::mt19937 random(11);
    for (std::size_t cut = 0; cut < pdf.size(); cut += 41) {
        // Cut anywhere, with the end marker put back so that poppler tries to repair the rest.
        const std::string damaged = pdf.substr(0, cut) + "\n%%EOF\n";
        agora::SourceReport report;
        std::vector<agora::Article> articles;
        REQUIRE_NOTHROW(articles = read_pdf(damaged, report));
        CHECK(articles.size() + (report.rejected ? 1 : 0) == 1);
        for (const auto& article : articles) CHECK(agora::is_valid_utf8(article.text));
    }
    for (int round = 0; round < 60; ++round) {
        std::string damaged = pdf;
        for (int flips = 0; flips < 8; ++flips) {
            damaged[random() % damaged.size()] = static_cast<char>(random() & 0xFF);
        }
        agora::SourceReport report;
        std::vector<agora::Article> articles;
        REQUIRE_NOTHROW(articles = read_pdf(damaged, report));
        for (const auto& article : articles) {
            CHECK(agora::is_valid_utf8(article.text));
            CHECK(agora::is_valid_utf8(article.title));
        }
    }
}

TEST_CASE("read_source reads .pdf files and refuses oversized ones", "[unit][ingest][pdf]") {
    CHECK(agora::is_supported_source("a/report.pdf"));
    CHECK(agora::is_supported_source("REPORT.PDF"));

    agora::test::TempDir dir;
    PdfSpec spec = one_page({"Readable report text"});
    agora::test::write_file(dir / "good.pdf", make_pdf(spec));
    std::vector<agora::Article> articles;
    const agora::ArticleSink sink = [&](agora::Article&& a) { articles.push_back(std::move(a)); };
    const agora::SourceReport good = agora::read_source(dir / "good.pdf", "good.pdf", sink);
    CHECK_FALSE(good.rejected);
    CHECK(good.articles == 1);
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].text == "Readable report text");
    CHECK(articles[0].paged);

    // Padding after %%EOF keeps the file readable by itself, but it is over the size limit.
    std::string large = make_pdf(spec);
    large.resize(agora::limits::kMaxPdfBytes + 10, ' ');
    agora::test::write_file(dir / "large.pdf", large);
    const agora::SourceReport refused = agora::read_source(dir / "large.pdf", "large.pdf", sink);
    CHECK(refused.rejected);
    REQUIRE(refused.diagnostics.size() == 1);
    CHECK(refused.diagnostics[0].message.find("PDF larger than 128 MiB") != std::string::npos);
    CHECK(articles.size() == 1);
}
