/** @file
 *  @brief Searching while agora-index writes, and a second agora-index on the same index.
 */
#include "agora/search/searcher.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <map>
#include <memory>
#include <thread>

namespace fs = std::filesystem;
using agora::test::BackgroundProgram;
using agora::test::CollectionSpec;
using agora::test::RunResult;
using agora::test::TempDir;
using agora::test::run_program;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const std::string kIndex = AGORA_INDEX_BIN;
const std::string kSearch = AGORA_SEARCH_BIN;

/// A collection that takes agora-index a few seconds: time for many searches during the run.
CollectionSpec big_collection(unsigned seed, const std::string& marker) {
    CollectionSpec spec;
    spec.seed = seed;
    spec.jsonl_files = 50;
    spec.records_per_file = 200;
    spec.text_pages = 20;
    spec.articles_per_page = 5;
    spec.marker = marker;
    return spec;
}

/// Only a hang protection: no run comes near it, however slow the machine.
constexpr auto kHangLimit = std::chrono::minutes(3);
/// Pause between searches, so that the test does not take a whole core from the indexer.
constexpr auto kSearchPause = 10ms;
/// Every this many searches, agora-search runs too.
constexpr int kProgramEvery = 5;

bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

/// Whether @p db holds a database a reader can open: Xapian 1.4 creates the folder and the tables
/// first and renames the version file (iamglass) into place last.
bool index_exists(const fs::path& db) { return fs::exists(db / "iamglass"); }

/// Waits until the index at @p db exists or @p indexer ends; true when the index exists.
bool wait_for_index(const fs::path& db, BackgroundProgram& indexer) {
    const auto deadline = std::chrono::steady_clock::now() + kHangLimit;
    while (!index_exists(db)) {
        if (indexer.wait_for(1ms) || std::chrono::steady_clock::now() > deadline) return false;
    }
    return true;
}

RunResult xapian_check(const fs::path& db) {
    static const std::string program = agora::test::find_program("xapian-check");
    INFO("xapian-check comes with Debian's xapian-tools (scripts/install-deps)");
    REQUIRE_FALSE(program.empty());
    return run_program({program, db.string()});
}

bool nonempty_string(const json& j, const char* field) {
    return j.contains(field) && j[field].is_string() && !j[field].get<std::string>().empty();
}

}  // namespace

TEST_CASE("searches during indexing see complete documents and totals that never shrink",
          "[integration][reliability]") {
    TempDir dir;
    const fs::path folder = dir / "reports";
    const std::string marker = "zorblax";
    const std::size_t documents = agora::test::write_collection(folder, big_collection(11, marker));
    const fs::path db = dir / "db";

    BackgroundProgram indexer({kIndex, "--db", db.string(), folder.string()});
    REQUIRE(wait_for_index(db, indexer));
    agora::Searcher searcher(db.string());

    // The marker is in every document, so its total is the number of committed documents; the
    // other queries are ordinary ones. In an index that only grows, no total may ever shrink.
    const std::vector<std::string> queries = {"torture", "journalists detained", "пытки полиция",
                                              "\"human rights\"", "manifestants OR avocats"};
    std::map<std::string, std::size_t> last_total;
    auto check_search = [&](const std::string& query) {
        INFO("query: " << query);
        agora::SearchRequest request;
        request.query = query;
        const agora::SearchResponse response = searcher.search(request);
        CHECK(response.total >= last_total[query]);
        last_total[query] = response.total;
        for (const agora::SearchResult& r : response.results) {
            INFO("result " << r.rank << ": " << r.id);
            CHECK_FALSE(r.id.empty());
            CHECK_FALSE(r.path.empty());
            CHECK_FALSE(r.title.empty());
            CHECK_FALSE(r.snippet.plain().empty());
        }
    };
    auto check_search_program = [&](const std::string& query) {
        const RunResult out = run_program({kSearch, "--db", db.string(), "--json", query});
        INFO("agora-search " << query << ": " << out.err);
        REQUIRE((out.status == 0 || out.status == 1));  // 1: nothing matches yet
        const json j = json::parse(out.out, nullptr, false);
        REQUIRE(j.is_object());
        const std::size_t total = j.value("total", std::size_t{0});
        CHECK((out.status == 1) == (total == 0));
        CHECK(total >= last_total[query]);
        last_total[query] = total;
        REQUIRE(j["results"].is_array());
        for (const json& r : j["results"]) {
            INFO("result " << r.dump());
            CHECK(nonempty_string(r, "id"));
            CHECK(nonempty_string(r, "path"));
            CHECK(nonempty_string(r, "title"));
            CHECK(nonempty_string(r, "snippet"));
        }
    };

    const auto deadline = std::chrono::steady_clock::now() + kHangLimit;
    int searches = 0;
    for (bool running = true; running; ++searches) {
        // One more round after the indexer has ended: it must see the final state.
        running = !indexer.wait_for(0ms);
        if (std::chrono::steady_clock::now() > deadline) FAIL("agora-index hangs");
        INFO("search " << searches);
        const std::string& query = queries[static_cast<std::size_t>(searches) % queries.size()];
        check_search(marker);
        check_search(query);
        if (searches % kProgramEvery == 0) check_search_program(query);
        std::this_thread::sleep_for(kSearchPause);
    }

    const RunResult result = indexer.finish();
    INFO("agora-index: " << result.err);
    REQUIRE(result.status == 0);
    agora::SearchRequest request;
    request.query = marker;
    CHECK(searcher.search(request).total == documents);
    CHECK(searcher.document_count() == documents);
}

TEST_CASE("a second agora-index on an index being written is refused as locked and changes nothing",
          "[integration][reliability]") {
    constexpr int kMaxAttempts = 3;
    TempDir dir;
    const fs::path folder = dir / "reports";
    const std::string marker = "zorblax";
    const std::size_t documents = agora::test::write_collection(folder, big_collection(12, marker));
    CollectionSpec other_spec;
    other_spec.seed = 13;
    other_spec.jsonl_files = 2;
    other_spec.records_per_file = 20;
    other_spec.text_pages = 1;
    other_spec.marker = "quendix";
    agora::test::write_collection(dir / "other", other_spec);
    const fs::path db = dir / "db";

    // The first run holds Xapian's write lock from the moment it creates the index to its end.
    // Stopping it (SIGSTOP) keeps it holding the lock for as long as the second run needs, on any
    // machine; only a first run that ends before it can be stopped makes us start again.
    std::unique_ptr<BackgroundProgram> first;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        fs::remove_all(db);
        first = std::make_unique<BackgroundProgram>(
            std::vector<std::string>{kIndex, "--db", db.string(), folder.string()});
        if (wait_for_index(db, *first) && first->stop()) break;
        first.reset();
    }
    REQUIRE(first);

    const RunResult second = run_program({kIndex, "--db", db.string(), (dir / "other").string()});
    first->send(SIGCONT);
    INFO("second run: " << second.err);
    CHECK(second.status == 2);
    CHECK(has(second.err, "locked"));
    CHECK_FALSE(has(second.err, "terminate called"));

    REQUIRE(first->wait_for(kHangLimit));
    const RunResult result = first->finish();
    INFO("first run: " << result.err);
    CHECK(result.status == 0);

    const RunResult check = xapian_check(db);
    INFO("xapian-check: " << check.out << check.err);
    CHECK(check.status == 0);
    const std::set<std::string> ids = agora::test::unique_ids(db.string());
    CHECK(ids.size() == documents);
    CHECK(Xapian::Database(db.string()).get_doccount() == documents);
    const std::string first_folder = fs::canonical(folder).string() + "/";
    for (const std::string& id : ids) {
        if (!id.starts_with(first_folder)) FAIL_CHECK("not from the first run's folder: " << id);
    }
    agora::Searcher searcher(db.string());
    agora::SearchRequest request;
    request.query = other_spec.marker;
    CHECK(searcher.search(request).total == 0);
    request.query = marker;
    CHECK(searcher.search(request).total == documents);
}
