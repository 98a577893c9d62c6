/** @file
 *  @brief Unit tests of the JSON Lines reader and of the metadata normalisation the readers share.
 */
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agora/ingest/article.h"
#include "agora/ingest/jsonl_reader.h"
#include "agora/limits.h"

namespace {

const std::string kFixtures = AGORA_FIXTURES_DIR "/ingest/";

std::vector<agora::Article> read_jsonl(std::istream& in, agora::SourceReport& report) {
    std::vector<agora::Article> articles;
    agora::read_jsonl(
        in, "data.jsonl", [&](agora::Article&& article) { articles.push_back(std::move(article)); },
        report);
    return articles;
}

std::vector<agora::Article> read_jsonl(const std::string& text, agora::SourceReport& report) {
    std::istringstream in(text);
    return read_jsonl(in, report);
}

/// The diagnostics of @p report as "file:line: message" strings.
std::vector<std::string> messages(const agora::SourceReport& report) {
    std::vector<std::string> out;
    for (const agora::Diagnostic& diagnostic : report.diagnostics) {
        out.push_back(diagnostic.to_string());
    }
    return out;
}

}  // namespace

TEST_CASE("JSONL fixture: good records delivered, bad lines named", "[unit][ingest]") {
    std::ifstream in(kFixtures + "records.jsonl", std::ios::binary);
    REQUIRE(in);
    agora::SourceReport report;
    const std::vector<agora::Article> articles = read_jsonl(in, report);

    REQUIRE(articles.size() == 4);
    CHECK(articles[0].record_id == "a1");
    CHECK(articles[0].number == 1);
    CHECK(articles[0].title == "Picket in the square");
    CHECK(articles[0].lang == "en");
    CHECK(articles[0].date == "2023-03-12");
    CHECK(articles[0].url == "https://example.org/a1");
    CHECK(articles[1].record_id == "17");
    CHECK(articles[1].number == 2);
    CHECK(articles[1].text == "Активистку задержали за чистый лист бумаги.");
    CHECK(articles[2].record_id == "line-7");
    CHECK(articles[2].lang == "fr");
    CHECK(articles[2].number == 3);
    CHECK(articles[3].record_id == "a10");
    CHECK(articles[3].number == 4);

    CHECK(messages(report) == std::vector<std::string>{
                                  "data.jsonl:4: not valid JSON",
                                  "data.jsonl:5: field \"text\" is missing",
                                  "data.jsonl:6: record is not a JSON object",
                                  "data.jsonl:8: duplicate id \"a1\" (first on line 1); record "
                                  "skipped",
                                  "data.jsonl:9: field \"text\" must be a string",
                              });
    CHECK(report.diagnostics[0].severity == agora::Severity::rejection);
    CHECK(report.diagnostics[3].severity == agora::Severity::warning);
    CHECK_FALSE(report.rejected);  // line rejections do not reject the source
}

TEST_CASE("JSONL field checks", "[unit][ingest]") {
    struct Case {
        const char* name;
        std::string line;
        std::string error;  ///< empty when the record is accepted
        std::string id;
    };
    const std::vector<Case> cases = {
        {"minimal", R"({"text": "Body"})", "", "line-1"},
        {"integer id", R"({"id": 42, "text": "Body"})", "", "42"},
        {"negative integer id", R"({"id": -7, "text": "Body"})", "", "-7"},
        {"null id", R"({"id": null, "text": "Body"})", "", "line-1"},
        {"empty id", R"({"id": "", "text": "Body"})", "", "line-1"},
        {"float id", R"({"id": 1.5, "text": "Body"})",
         "field \"id\" must be a string or an integer", ""},
        {"boolean id", R"({"id": true, "text": "Body"})",
         "field \"id\" must be a string or an integer", ""},
        {"text empty", R"({"text": "  "})", "field \"text\" is empty", ""},
        {"text null", R"({"text": null})", "field \"text\" is missing", ""},
        {"text array", R"({"text": ["a"]})", "field \"text\" must be a string", ""},
        {"title number", R"({"text": "Body", "title": 3})", "field \"title\" must be a string", ""},
        {"url object", R"({"text": "Body", "url": {}})", "field \"url\" must be a string", ""},
        {"lang number", R"({"text": "Body", "lang": 1})", "field \"lang\" must be a string", ""},
        {"null optional fields", R"({"text": "Body", "title": null, "date": null})", "", "line-1"},
        {"unknown fields ignored", R"({"text": "Body", "tags": ["x"]})", "", "line-1"},
        {"trailing garbage", R"({"text": "Body"} x)", "not valid JSON", ""},
        {"a string", R"("text")", "record is not a JSON object", ""},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_jsonl(c.line + "\n", report);
        if (c.error.empty()) {
            REQUIRE(articles.size() == 1);
            CHECK(articles[0].record_id == c.id);
            CHECK(report.diagnostics.empty());
        } else {
            CHECK(articles.empty());
            REQUIRE(report.diagnostics.size() == 1);
            CHECK(report.diagnostics[0].line == 1);
            CHECK(report.diagnostics[0].message == c.error);
            CHECK(report.diagnostics[0].severity == agora::Severity::rejection);
        }
    }
}

TEST_CASE("JSONL lines: blank, CRLF, BOM, invalid UTF-8, over-long", "[unit][ingest]") {
    SECTION("blank lines and CRLF") {
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_jsonl(
            "\xEF\xBB\xBF{\"id\": \"x\", \"text\": \"One\"}\r\n\r\n  \t\r\n{\"text\": \"Two\"}\r\n",
            report);
        REQUIRE(articles.size() == 2);
        CHECK(articles[0].record_id == "x");
        CHECK(articles[1].record_id == "line-4");
        CHECK(articles[1].number == 2);
        CHECK(report.diagnostics.empty());
    }
    SECTION("invalid UTF-8 is repaired with a warning") {
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_jsonl(
            "{\"text\": \"Свобода \xD0 собраний\"}\n{\"text\": \"Libert\xE9\"}\n", report);
        REQUIRE(articles.size() == 2);
        CHECK(articles[0].text == "Свобода \xEF\xBF\xBD собраний");
        CHECK(articles[1].text == "Liberté");
        CHECK(messages(report) ==
              std::vector<std::string>{"data.jsonl:1: 1 invalid byte sequences replaced",
                                       "data.jsonl:2: not UTF-8; decoded as ISO-8859-1"});
        CHECK(report.diagnostics[0].severity == agora::Severity::warning);
    }
    SECTION("an over-long line is rejected and reading goes on") {
        std::string text = "{\"text\": \"";
        text.append(agora::limits::kMaxJsonlLineBytes, 'x');
        text += "\"}\n{\"id\": \"after\", \"text\": \"Still read\"}\n";
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_jsonl(text, report);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].record_id == "after");
        CHECK(articles[0].number == 1);
        CHECK(messages(report) ==
              std::vector<std::string>{"data.jsonl:1: line longer than 8 MiB skipped"});
        CHECK_FALSE(report.rejected);
    }
    SECTION("a line of exactly the limit is read, its text cut to the document limit") {
        std::string text = "{\"text\": \"";
        text.append(agora::limits::kMaxJsonlLineBytes - text.size() - 2, 'y');
        text += "\"}";
        agora::SourceReport report;
        const std::vector<agora::Article> articles = read_jsonl(text, report);
        REQUIRE(articles.size() == 1);
        CHECK(articles[0].text.size() == agora::limits::kMaxDocumentBytes);
        CHECK(messages(report) ==
              std::vector<std::string>{"data.jsonl:1: text truncated to 4 MiB"});
    }
    SECTION("an empty stream") {
        agora::SourceReport report;
        CHECK(read_jsonl("", report).empty());
        CHECK(report.diagnostics.empty());
    }
}

TEST_CASE("metadata normalisation shared by the readers", "[unit][ingest]") {
    const std::vector<std::pair<std::string, std::string>> languages = {
        {"fr-FR", "fr"}, {"RU", "ru"}, {" en_GB ", "en"}, {"en", "en"},
        {"de", ""},      {"", ""},     {"english", ""},
    };
    for (const auto& [tag, expected] : languages) {
        INFO(tag);
        CHECK(agora::normalize_language(tag) == expected);
    }
    const std::vector<std::pair<std::string, std::string>> dates = {
        {"2023-03-12", "2023-03-12"},
        {"2023-03-12T09:30:00Z", "2023-03-12"},
        {"2023-03-12 09:30", "2023-03-12"},
        {"2023/03/12", "2023-03-12"},
        {"2023-03", "2023-03"},
        {"2023", "2023"},
        {"12.03.2023", "2023-03-12"},
        {"2023-02-30", ""},
        {"2023-13-01", ""},
        {"0000-00-00", ""},
        {"2023-03-123", ""},
        {"March 2023", ""},
        {"", ""},
    };
    for (const auto& [text, expected] : dates) {
        INFO(text);
        CHECK(agora::normalize_date(text) == expected);
    }
}

TEST_CASE("Diagnostic::to_string and SourceReport", "[unit][ingest]") {
    agora::SourceReport report;
    report.warn("a.txt", 0, "truncated");
    report.reject("b.jsonl", 3, "not valid JSON");
    CHECK_FALSE(report.rejected);
    report.reject("c.txt", 0, "binary file");
    CHECK(report.rejected);
    CHECK(messages(report) == std::vector<std::string>{"a.txt: truncated",
                                                       "b.jsonl:3: not valid JSON",
                                                       "c.txt: binary file"});
}
