/** @file
 *  @brief The programs as users and scripts meet them: help, exit statuses, the JSON contract, batch
 *         mode, index location and error messages.
 */
#include "agora/limits.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <sstream>

using agora::test::run_program;
using agora::test::TempDir;
using agora::test::write_file;
using nlohmann::json;

namespace {

const std::string kIndex = AGORA_INDEX_BIN;
const std::string kSearch = AGORA_SEARCH_BIN;

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("help lists every option with an example", "[integration][cli]") {
    const auto index_help = run_program({kIndex, "--help"});
    CHECK(index_help.status == 0);
    for (const char* part : {"--db", "--prune", "Examples", "agora-index corpus/"}) CHECK(has(index_help.out, part));
    const auto search_help = run_program({kSearch, "--help"});
    CHECK(search_help.status == 0);
    for (const char* part : {"--db", "--limit", "--offset", "--lang", "--json", "--batch", "Examples"}) {
        CHECK(has(search_help.out, part));
    }
}

TEST_CASE("index then search from the command line, text and JSON", "[integration][cli]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    const auto indexed = run_program({kIndex, "--db", db, agora::test::fixture("collection").string()});
    INFO(indexed.err);
    REQUIRE(indexed.status == 0);
    CHECK(has(indexed.err, "documents"));

    const auto text = run_program({kSearch, "--db", db, "пытка"});
    CHECK(text.status == 0);
    CHECK(has(text.out, "Жалобы на пытки остаются без ответа"));
    CHECK(has(text.out, "[ru]"));
    CHECK_FALSE(has(text.out, "\x1b["));  // no escapes when stdout is not a terminal

    const auto out = run_program({kSearch, "--db", db, "--json", "--limit", "2", "detained OR dispersed"});
    REQUIRE(out.status == 0);
    const json j = json::parse(out.out);
    CHECK(j["query"] == "detained OR dispersed");
    CHECK(j["total"].get<int>() >= 2);
    CHECK(j["offset"] == 0);
    CHECK(j["suggestion"].is_null());
    CHECK(j["total_exact"] == true);
    REQUIRE(j["results"].size() == 2);
    for (const json& r : j["results"]) {
        for (const char* field : {"rank", "id", "path", "article", "title", "lang", "date", "score", "snippet"}) {
            INFO(field);
            CHECK(r.contains(field));
        }
        CHECK(r["rank"].is_number_integer());
        CHECK(r["score"].is_number());
        CHECK((r["article"].is_null() || r["article"].is_number_integer()));
        CHECK(has(r["snippet"].get<std::string>(), "<mark>"));
    }
}

TEST_CASE("batch mode answers one JSON line per query with its time", "[integration][cli]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    REQUIRE(run_program({kIndex, "--db", db, agora::test::fixture("collection").string()}).status == 0);
    const auto out = run_program({kSearch, "--db", db, "--batch"}, "torture\nchomage\n\"unterminated\ntortture\n");
    REQUIRE(out.status == 0);
    std::istringstream lines(out.out);
    std::vector<json> answers;
    for (std::string line; std::getline(lines, line);) answers.push_back(json::parse(line));
    REQUIRE(answers.size() == 4);
    for (const json& a : answers) CHECK(a["took_ms"].is_number());
    CHECK(answers[0]["total"].get<int>() >= 1);
    CHECK(answers[1]["total"].get<int>() >= 1);
    CHECK(answers[3]["suggestion"] == "torture");
}

TEST_CASE("the index comes from --db, else AGORA_DB, else the default", "[integration][cli]") {
    TempDir dir;
    const std::string env_db = (dir / "env-db").string();
    REQUIRE(run_program({kIndex, agora::test::fixture("collection/ru").string()}, "",
                        {"AGORA_DB=" + env_db}).status == 0);
    CHECK(std::filesystem::exists(env_db));
    CHECK(run_program({kSearch, "пытка"}, "", {"AGORA_DB=" + env_db}).status == 0);

    const std::string xdg = (dir / "xdg").string();
    REQUIRE(run_program({kIndex, agora::test::fixture("collection/fr").string()}, "",
                        {"AGORA_DB=", "XDG_DATA_HOME=" + xdg}).status == 0);
    CHECK(std::filesystem::exists(dir / "xdg" / "agora" / "index"));
}

TEST_CASE("exit statuses and messages for people, not exception dumps", "[integration][cli]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    write_file(dir / "src" / "fine.txt", "Fine\n\nA fine report about detention.");
    write_file(dir / "src" / "empty.txt", "");
    const auto partial = run_program({kIndex, "--db", db, (dir / "src").string()});
    CHECK(partial.status == 1);
    CHECK(has(partial.err, "empty.txt"));
    CHECK(run_program({kSearch, "--db", db, "detention"}).status == 0);

    const auto missing = run_program({kSearch, "--db", (dir / "nowhere").string(), "torture"});
    CHECK(missing.status == 2);
    CHECK(has(missing.err, "no index at"));
    CHECK_FALSE(has(missing.err, "terminate"));

    const auto not_db = run_program({kSearch, "--db", (dir / "src").string(), "torture"});
    CHECK(not_db.status == 2);
    CHECK(has(not_db.err, "cannot open index"));

    CHECK(run_program({kSearch, "--db", db, "--lang", "xx", "torture"}).status == 2);
    CHECK(run_program({kSearch, "--db", db, "--limit", "abc", "torture"}).status == 2);
    CHECK(run_program({kIndex, "--db", db}).status == 2);
    CHECK(run_program({kSearch, "--db", db, "zzzunknownword"}).status == 1);
}

TEST_CASE("limits: page size and query length are bounded with a clear message", "[integration][cli]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    REQUIRE(run_program({kIndex, "--db", db, agora::test::fixture("collection/en").string()}).status == 0);

    const auto too_many = run_program({kSearch, "--db", db, "--limit", "1001", "torture"});
    CHECK(too_many.status == 2);
    CHECK(has(too_many.err, "--limit 1001: at most 1000"));

    std::string long_query = "torture";
    while (long_query.size() <= 2 * agora::limits::kMaxQueryBytes) long_query += " torture";
    const auto cut = run_program({kSearch, "--db", db, "--json", long_query});
    REQUIRE(cut.status == 0);
    const json j = json::parse(cut.out);
    CHECK(j["truncated"] == true);
    CHECK(j["query"].get<std::string>().size() <= agora::limits::kMaxQueryBytes);
}

TEST_CASE("an index of an older schema is refused with advice, and --rebuild builds it afresh", "[integration][cli]") {
    TempDir dir;
    write_file(dir / "in" / "report.txt", "Monitors visited three prisons in the spring.");
    const std::string db = (dir / "db").string();
    {
        Xapian::WritableDatabase old(db, Xapian::DB_CREATE_OR_OPEN);
        Xapian::Document doc;
        doc.add_term("oldterm");
        old.add_document(doc);
        old.set_metadata("agora:schema", "1");
        old.commit();
    }
    const auto refused = run_program({kIndex, "--db", db, (dir / "in").string()});
    CHECK(refused.status == 2);
    CHECK(has(refused.err, "schema 1"));
    CHECK(has(refused.err, "--rebuild"));
    const auto rebuilt = run_program({kIndex, "--db", db, "--rebuild", (dir / "in").string()});
    CHECK(rebuilt.status == 0);
    CHECK(has(rebuilt.err, "1 documents in the index"));
    const auto found = run_program({kSearch, "--db", db, "prisons"});
    CHECK(found.status == 0);
    // The searcher refuses an old index too, rather than answer from a layout it does not know.
    {
        Xapian::WritableDatabase w(db);
        w.set_metadata("agora:schema", "3");
        w.commit();
    }
    const auto old = run_program({kSearch, "--db", db, "prisons"});
    CHECK(old.status == 2);
    CHECK(has(old.err, "schema 3"));
    CHECK(has(old.err, "--rebuild"));
}
