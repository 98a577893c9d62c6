/** @file
 *  @brief Crash safety of agora-index: killed at random moments or unable to write, it leaves an
 *         index that checks clean, answers queries, and that the next run completes exactly.
 */
#include "agora/schema.h"
#include "agora/index/layout.h"
#include "agora/search/searcher.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <random>
#include <thread>

namespace fs = std::filesystem;
using agora::test::BackgroundProgram;
using agora::test::CollectionSpec;
using agora::test::RunResult;
using agora::test::TempDir;
using agora::test::run_program;
using agora::test::unique_ids;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const std::string kIndex = AGORA_INDEX_BIN;

// One full run over this collection takes a few seconds here: long enough for kills to land in
// every phase (creation, mid-batch, commit, between sources, the final commit).
constexpr unsigned kCollectionSeed = 20240601;
constexpr std::size_t kJsonlFiles = 60;
constexpr std::size_t kRecordsPerFile = 220;
constexpr std::size_t kTextPages = 20;
constexpr std::size_t kArticlesPerPage = 5;

constexpr unsigned kKillSeed = 4242;
/// Kills that must land while the indexer still runs (a run may end before its kill).
constexpr int kKills = 20;
constexpr int kMaxKillAttempts = 80;
constexpr std::chrono::milliseconds kMinKillDelay{5};
/// Share of the source files given a new modification time before each run after the first, so
/// that every run has work (replacing documents, not only adding them) for its kill to interrupt.
constexpr double kTouchShare = 0.6;

/// Only a hang protection: no single run comes near it, however slow the machine.
constexpr auto kHangLimit = std::chrono::minutes(3);

bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

/// Whether @p db holds a database a reader can open: Xapian 1.4 creates the folder and the tables
/// first and renames the version file (iamglass) into place last.
bool index_exists(const fs::path& db) { return fs::exists(db / "iamglass"); }

/// The databases of the index at @p db: the folder itself, or the ones its agora.stub lists.
std::vector<fs::path> databases_of(const fs::path& db) {
    const std::string stub = agora::stub_file_for(db.string());
    if (stub.empty()) return {db};
    std::vector<fs::path> out;
    for (const agora::StubEntry& e : agora::read_stub(stub)) out.emplace_back(e.path);
    return out;
}

/// What Xapian opens for @p db: the folder, or its stub file (Agora writes stubs Xapian reads).
std::string openable(const fs::path& db) {
    const std::string stub = agora::stub_file_for(db.string());
    return stub.empty() ? db.string() : stub;
}

/// Whether every database of @p db exists (a sharded index writes its stub first).
bool all_exist(const fs::path& db) {
    if (!fs::exists(db)) return false;
    for (const fs::path& part : databases_of(db)) {
        if (!index_exists(part)) return false;
    }
    return true;
}

RunResult xapian_check(const fs::path& db) {
    static const std::string program = agora::test::find_program("xapian-check");
    INFO("xapian-check comes with Debian's xapian-tools (scripts/install-deps)");
    REQUIRE_FALSE(program.empty());
    return run_program({program, db.string()});
}

CollectionSpec big_collection(const std::string& marker) {
    CollectionSpec spec;
    spec.seed = kCollectionSeed;
    spec.jsonl_files = kJsonlFiles;
    spec.records_per_file = kRecordsPerFile;
    spec.text_pages = kTextPages;
    spec.articles_per_page = kArticlesPerPage;
    spec.marker = marker;
    return spec;
}

std::vector<fs::path> files_under(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    // Directory order differs between file systems; the seeded choice of files must not.
    std::sort(files.begin(), files.end());
    return files;
}

/// The modification time as agora-index records it in a source's bookkeeping.
long long recorded_mtime(const fs::path& file) {
    return static_cast<long long>(fs::last_write_time(file).time_since_epoch().count());
}

/// Checks the index a killed run left at @p db: Xapian finds it consistent, the searcher answers,
/// every document is complete and unique, there are never more documents than a full run makes,
/// and every source that the next run would skip as unchanged holds all its documents.
void check_interrupted_index(const fs::path& db, std::size_t final_count,
                             const std::string& marker) {
    if (!all_exist(db)) return;  // killed before it created the index: nothing to check

    for (const fs::path& part : databases_of(db)) {
        const RunResult check = xapian_check(part);
        INFO("xapian-check " << part << ": " << check.out << check.err);
        CHECK(check.status == 0);
    }

    agora::Searcher searcher(db.string());
    agora::SearchRequest request;
    request.query = marker;
    const agora::SearchResponse response = searcher.search(request);
    const std::size_t count = searcher.document_count();
    CHECK(count <= final_count);
    CHECK(response.total == count);  // every document holds the marker: all are searchable

    const Xapian::Database index(openable(db));  // the catalog (bookkeeping) comes first
    std::set<std::string> data_ids;
    std::size_t bad_documents = 0;
    std::string first_bad;
    for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
        const std::string data = index.get_document(*it).get_data();
        const json j = json::parse(data, nullptr, false);
        const bool good = j.is_object() && j.contains("id") && j["id"].is_string() &&
                          !j["id"].get<std::string>().empty();
        if (good) {
            data_ids.insert(j["id"].get<std::string>());
        } else if (++bad_documents == 1) {
            first_bad = "document " + std::to_string(*it) + ": " + data.substr(0, 200);
        }
    }
    {
        INFO(first_bad);
        CHECK(bad_documents == 0);
    }
    CHECK(data_ids.size() == count);  // no two documents share an id
    CHECK(unique_ids(openable(db)) == data_ids);

    // The next run skips a source whose bookkeeping matches the file, so such a source must
    // already hold every document the bookkeeping counts.
    const std::string prefix(agora::schema::kMetaSourcePrefix);
    for (auto it = index.metadata_keys_begin(prefix); it != index.metadata_keys_end(prefix); ++it) {
        const json meta = json::parse(index.get_metadata(*it), nullptr, false);
        INFO("bookkeeping " << *it << ": " << meta.dump());
        REQUIRE(meta.is_object());
        const fs::path source = meta.value("path", std::string());
        if (fs::file_size(source) != meta.value("size", std::uintmax_t{0}) ||
            recorded_mtime(source) != meta.value("mtime", 0LL)) {
            continue;  // changed since: the next run redoes it
        }
        const std::string source_term = std::string(agora::schema::kSource) +
                                        (*it).substr(prefix.size());
        CHECK(index.get_termfreq(source_term) == meta.value("documents", std::size_t{0}));
    }
}

struct Hit {
    std::string id;
    double score = 0;
};

struct Ranking {
    std::size_t total = 0;
    std::vector<Hit> hits;
};

Ranking top_ten(const fs::path& db, const std::string& query) {
    agora::Searcher searcher(db.string());
    agora::SearchRequest request;
    request.query = query;
    request.limit = 10;
    const agora::SearchResponse response = searcher.search(request);
    Ranking ranking{response.total, {}};
    for (const agora::SearchResult& r : response.results) ranking.hits.push_back({r.id, r.score});
    return ranking;
}

bool same_score(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

/// Same totals, same scores, same ids. Documents with equal scores are ranked by document number,
/// which differs between an index built in one go and one built over interrupted runs, so ids
/// are compared as sets within each run of equal scores, and not at all in the run the page cut.
void check_same_ranking(const Ranking& expected, const Ranking& actual) {
    CHECK(actual.total == expected.total);
    REQUIRE(actual.hits.size() == expected.hits.size());
    std::size_t start = 0;
    while (start < expected.hits.size()) {
        std::size_t end = start + 1;
        while (end < expected.hits.size() &&
               same_score(expected.hits[end].score, expected.hits[start].score)) {
            ++end;
        }
        std::set<std::string> want, got;
        for (std::size_t i = start; i < end; ++i) {
            INFO("rank " << i + 1);
            CHECK(same_score(actual.hits[i].score, expected.hits[i].score));
            want.insert(expected.hits[i].id);
            got.insert(actual.hits[i].id);
        }
        const bool cut_by_page = end == expected.hits.size() && expected.total > end;
        if (!cut_by_page) CHECK(got == want);
        start = end;
    }
}

/// Kills agora-index (with @p layout options) at random moments, checking the index each run
/// leaves, then lets a last run complete and compares it with an uninterrupted one.
void kill_at_random_moments(const std::vector<std::string>& layout, int kills) {
    TempDir dir;
    const fs::path folder = dir / "reports";
    const std::string marker = "zorblax";
    const std::size_t documents = agora::test::write_collection(folder, big_collection(marker));

    // The reference: one uninterrupted run into a fresh index, timed to spread the kills over.
    const fs::path reference = dir / "reference";
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::string> reference_argv{kIndex, "--db", reference.string()};
    reference_argv.insert(reference_argv.end(), layout.begin(), layout.end());
    reference_argv.push_back(folder.string());
    const RunResult clean = run_program(reference_argv);
    const auto full_run = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    INFO(clean.err);
    REQUIRE(clean.status == 0);
    const std::set<std::string> reference_ids = unique_ids(openable(reference));
    REQUIRE(reference_ids.size() == documents);
    REQUIRE(Xapian::Database(openable(reference)).get_doccount() == documents);

    const fs::path db = dir / "db";
    const std::vector<fs::path> files = files_under(folder);
    const auto touch_base = fs::last_write_time(files.front());
    std::mt19937 rng(kKillSeed);
    std::uniform_int_distribution<long> delay_ms(kMinKillDelay.count(),
                                                 std::max(kMinKillDelay.count(), full_run.count()));
    std::bernoulli_distribution touch(kTouchShare);
    int landed = 0;
    for (int attempt = 0; landed < kills && attempt < kMaxKillAttempts; ++attempt) {
        if (attempt > 0) {
            for (const fs::path& file : files) {
                if (!touch(rng)) continue;
                fs::last_write_time(file, touch_base + std::chrono::seconds(attempt));
            }
        }
        const std::chrono::milliseconds delay(delay_ms(rng));
        std::vector<std::string> argv{kIndex, "--db", db.string()};
        argv.insert(argv.end(), layout.begin(), layout.end());
        argv.push_back(folder.string());
        BackgroundProgram run(argv);
        if (!run.wait_for(delay)) run.send(SIGKILL);
        REQUIRE(run.wait_for(kHangLimit));
        const RunResult result = run.finish();
        INFO("attempt " << attempt << ": SIGKILL after " << delay.count() << " ms; stderr: "
                        << result.err);
        if (run.end_signal() == SIGKILL) {
            ++landed;
        } else {
            CHECK(result.status == 0);  // it finished before its kill
        }
        check_interrupted_index(db, documents, marker);
    }
    REQUIRE(landed >= kills);

    const RunResult last = run_program({kIndex, "--db", db.string(), folder.string()});
    INFO(last.err);
    REQUIRE(last.status == 0);
    for (const fs::path& part : databases_of(db)) {
        const RunResult check = xapian_check(part);
        INFO(check.out << check.err);
        CHECK(check.status == 0);
    }
    CHECK(unique_ids(openable(db)) == reference_ids);
    CHECK(Xapian::Database(openable(db)).get_doccount() == documents);
    for (const char* query : {"torture", "journalists detained", "пытки полиция",
                              "manifestants police", "\"human rights\"", marker.c_str()}) {
        INFO("query: " << query);
        check_same_ranking(top_ten(reference, query), top_ten(db, query));
    }
}

}  // namespace

TEST_CASE("agora-index killed at random moments leaves a valid index that the next run completes",
          "[integration][reliability]") {
    // One job: the reference behaviour of one writer; the test below kills two jobs on two shards.
    kill_at_random_moments({"--jobs", "1"}, kKills);
}

TEST_CASE("agora-index killed at random moments while writing two shards with two jobs leaves a "
          "valid index that the next run completes",
          "[integration][reliability][scale]") {
    kill_at_random_moments({"--shards", "2", "--jobs", "2"}, kKills / 2);
}

TEST_CASE("agora-index killed after Xapian's own early commit leaves an index the next run accepts",
          "[integration][reliability]") {
    // Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD changes, a knob users turn to bound
    // the indexer's memory; with a low value its first commit comes before Agora's first one.
    constexpr const char* kEarlyCommits = "XAPIAN_FLUSH_THRESHOLD=50";
    TempDir dir;
    const fs::path folder = dir / "reports";
    CollectionSpec spec = big_collection("zorblax");
    spec.jsonl_files = 15;  // more documents than Agora's first commit takes
    spec.text_pages = 0;
    const std::size_t documents = agora::test::write_collection(folder, spec);
    const fs::path db = dir / "db";

    BackgroundProgram run({kIndex, "--db", db.string(), folder.string()}, {kEarlyCommits});
    const auto deadline = std::chrono::steady_clock::now() + kHangLimit;
    // Kill as soon as a commit is visible: Xapian's, long before Agora's first at 2,000.
    while (!run.wait_for(0ms)) {
        if (std::chrono::steady_clock::now() > deadline) FAIL("agora-index hangs");
        if (index_exists(db) && Xapian::Database(db.string()).get_doccount() > 0) break;
        std::this_thread::sleep_for(1ms);
    }
    run.send(SIGKILL);
    const RunResult killed = run.finish();
    INFO("killed run: " << killed.err);

    check_interrupted_index(db, documents, spec.marker);
    const RunResult next = run_program({kIndex, "--db", db.string(), folder.string()});
    INFO("next run: " << next.err);
    CHECK(next.status == 0);
    CHECK(unique_ids(db.string()).size() == documents);
}

TEST_CASE("agora-index killed while Xapian creates the index leaves a folder the next run uses",
          "[integration][reliability]") {
    // Xapian 1.4 creates the table files first and renames the version file (iamglass) into place
    // last, after an fsync: a kill in between leaves tables without a version file.
    constexpr int kMaxAttempts = 40;
    TempDir dir;
    const fs::path folder = dir / "reports";
    CollectionSpec spec = big_collection("zorblax");
    spec.jsonl_files = 2;
    spec.text_pages = 0;
    const std::size_t documents = agora::test::write_collection(folder, spec);
    const fs::path db = dir / "db";

    int caught = 0;
    for (int attempt = 0; attempt < kMaxAttempts && caught == 0; ++attempt) {
        fs::remove_all(db);
        BackgroundProgram run({kIndex, "--db", db.string(), folder.string()});
        const auto deadline = std::chrono::steady_clock::now() + kHangLimit;
        // Poll without sleeping: the window is about as long as one fsync.
        while (!fs::exists(db / "postlist.glass") && !run.wait_for(0ms)) {
            if (std::chrono::steady_clock::now() > deadline) FAIL("agora-index hangs");
        }
        run.send(SIGKILL);
        run.finish();
        if (fs::exists(db / "postlist.glass") && !index_exists(db)) ++caught;
    }
    if (caught == 0) WARN("no kill landed inside the creation window: nothing special checked");
    const RunResult next = run_program({kIndex, "--db", db.string(), folder.string()});
    INFO("next run: " << next.err);
    CHECK(next.status == 0);
    CHECK(unique_ids(db.string()).size() == documents);
}

TEST_CASE("agora-index that cannot write exits 2 with one clear line "
          "and the index keeps its content",
          "[integration][reliability]") {
    // A file-size limit (256 blocks of 512 bytes for sh's ulimit -f: 128 KiB, less than the big
    // folder's tables need) makes writes past it fail with EFBIG, as a full disk fails them with
    // ENOSPC; SIGXFSZ is ignored so that the write fails instead of killing the process.
    constexpr const char* kLimitedShell = "trap '' XFSZ; ulimit -f 256; exec \"$0\" \"$@\"";
    TempDir dir;
    const std::string db = (dir / "db").string();

    CollectionSpec small;
    small.seed = 7;
    small.jsonl_files = 1;
    small.records_per_file = 20;
    small.text_pages = 1;
    small.articles_per_page = 3;
    small.marker = "quendix";
    const std::size_t small_documents = agora::test::write_collection(dir / "small", small);
    const RunResult first = run_program({kIndex, "--db", db, (dir / "small").string()});
    INFO(first.err);
    REQUIRE(first.status == 0);

    CollectionSpec big = big_collection("zorblax");
    big.jsonl_files = 10;
    big.text_pages = 0;
    const std::size_t big_documents = agora::test::write_collection(dir / "big", big);
    const RunResult limited =
        run_program({"/bin/sh", "-c", kLimitedShell, kIndex, "--db", db, (dir / "big").string()});
    INFO("limited run: " << limited.err);
    CHECK(limited.status == 2);
    CHECK(has(limited.err, "index write failed"));
    CHECK(has(limited.err, std::strerror(EFBIG)));  // the cause, so it hit the limit
    CHECK(has(limited.err, "keeps its last committed state"));
    CHECK(std::count(limited.err.begin(), limited.err.end(), '\n') == 1);
    CHECK_FALSE(has(limited.err, "terminate called"));

    const RunResult check = xapian_check(db);
    INFO("xapian-check: " << check.out << check.err);
    CHECK(check.status == 0);
    agora::Searcher searcher(db);
    agora::SearchRequest request;
    request.query = small.marker;
    CHECK(searcher.search(request).total == small_documents);

    // With room again, the next run indexes what the failed one could not.
    const RunResult next = run_program({kIndex, "--db", db, (dir / "big").string()});
    INFO("next run: " << next.err);
    CHECK(next.status == 0);
    request.query = big.marker;
    CHECK(searcher.search(request).total == big_documents);
    request.query = small.marker;
    CHECK(searcher.search(request).total == small_documents);
}
