/** @file
 *  @brief Sharded indexes: the same answers as one database (locally and through xapian-tcpsrv),
 *  stable routing, shards that are down, compaction, and the layout rules of agora-index.
 */
#include "test_support.h"

#include "agora/index/indexer.h"
#include "agora/index/layout.h"
#include "agora/search/searcher.h"
#include "agora/web/app.h"
#include "agora/web/config.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <csignal>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;
using agora::test::BackgroundProgram;
using agora::test::RunResult;
using agora::test::TempDir;
using agora::test::run_program;

namespace {

const std::string kIndex = AGORA_INDEX_BIN;

/// The web page's JSON answer for @p qs over the index @p db (a fresh App, as each CGI run is).
agora::web::HttpResponse web_get(const std::string& db, const std::string& qs, bool allow_partial = false) {
    agora::web::SiteConfig config;
    config.db = db;
    config.allow_partial = allow_partial;
    agora::web::App app(config, [](const std::string&) {});
    agora::web::CgiInput input;
    input.query_string = qs;
    return app.handle(input);
}
const std::string kSearch = AGORA_SEARCH_BIN;
constexpr auto kServerStart = std::chrono::seconds(10);

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// The project's corpus and entity fixtures (names, countries, organisations in three languages)
/// plus a generated collection for volume, copied under @p dir/in.
fs::path make_collection(const fs::path& dir) {
    const fs::path in = dir / "in";
    fs::create_directories(in);
    fs::copy(AGORA_CORPUS_DIR, in / "corpus", fs::copy_options::recursive);
    fs::copy(fs::path(AGORA_FIXTURES_DIR) / "entities", in / "entities", fs::copy_options::recursive);
    agora::test::CollectionSpec spec;
    spec.seed = 77;
    spec.jsonl_files = 6;
    spec.records_per_file = 120;
    spec.text_pages = 6;
    agora::test::write_collection(in / "generated", spec);
    return in;
}

agora::IndexSummary build(const std::string& db, const fs::path& in, unsigned shards, unsigned jobs) {
    agora::IndexOptions options;
    options.jobs = jobs;
    return agora::Indexer(db, agora::IndexSetup{false, shards}).run({in.string()}, options);
}

/// A request of the comparison table.
struct Case {
    std::string query;
    std::vector<std::string> countries, persons, organisations;
};

const std::vector<Case>& cases() {
    static const std::vector<Case> table = {
        {"torture", {}, {}, {}},
        {"journalists detained", {}, {}, {}},
        {"\"peaceful assembly\"", {}, {}, {}},
        {"пытки", {}, {}, {}},
        {"свобода слова", {}, {}, {}},
        {"réunions pacifiques", {}, {}, {}},
        {"Жовтис", {}, {}, {}},
        {"zorblax", {}, {}, {}},
        {"rights OR droits", {"KZ"}, {}, {}},
        {"", {"Kazakhstan"}, {}, {}},
        {"", {}, {"Yevgeniy Zhovtis"}, {}},
        {"", {}, {}, {"Human Rights Watch"}},
        {"tortture", {}, {}, {}},  // misspelt: a suggestion, no results
        {"protest NOT police", {}, {}, {}},
    };
    return table;
}

agora::SearchRequest request_of(const Case& c) {
    agora::SearchRequest r;
    r.query = c.query;
    r.countries = c.countries;
    r.persons = c.persons;
    r.organisations = c.organisations;
    r.limit = 10;
    r.facets = true;
    r.facet_limit = 50;
    return r;
}

std::vector<std::pair<std::string, std::size_t>> facet_pairs(const std::vector<agora::FacetValue>& values) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const auto& v : values) out.emplace_back(v.value, v.count);
    std::sort(out.begin(), out.end());
    return out;
}

/// Ranks of the top ten as (score, id); among equal scores the order is the database's document
/// order, which differs between layouts, so ids are compared in id order within a score.
std::vector<std::pair<double, std::string>> ranking(const agora::SearchResponse& r) {
    std::vector<std::pair<double, std::string>> out;
    for (const auto& hit : r.results) out.emplace_back(hit.score, hit.id);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (std::fabs(a.first - b.first) > 1e-9 * std::max(1.0, std::fabs(a.first))) return a.first > b.first;
        return a.second < b.second;
    });
    return out;
}

/// Every answer of @p searcher equals @p reference's for the table: totals, top ten ids and scores,
/// every facet count, suggestion.
void check_same_answers(agora::Searcher& reference, agora::Searcher& searcher) {
    for (const Case& c : cases()) {
        INFO("query: '" << c.query << "' country " << (c.countries.empty() ? "" : c.countries[0])
                        << " person " << (c.persons.empty() ? "" : c.persons[0]));
        const agora::SearchResponse a = reference.search(request_of(c));
        const agora::SearchResponse b = searcher.search(request_of(c));
        CHECK(a.total == b.total);
        // Without facets the total is counted all the same (on the second thread, or after ranking).
        agora::SearchRequest plain = request_of(c);
        plain.facets = false;
        const agora::SearchResponse pa = reference.search(plain);
        const agora::SearchResponse pb = searcher.search(plain);
        CHECK(pa.total == a.total);
        CHECK(pb.total == a.total);
        CHECK(pb.total_exact);
        CHECK(a.suggestion == b.suggestion);
        const auto ra = ranking(a), rb = ranking(b);
        REQUIRE(ra.size() == rb.size());
        // Filters alone score every match 0: the page is any ten of them.
        const bool scored = !ra.empty() && ra.front().first > 0;
        // Which of several equal scores make the page depends on document order, which differs
        // between layouts: ids are compared above the last score of the page.
        for (std::size_t i = 0; i < ra.size() && scored; ++i) {
            CHECK(ra[i].first == Approx(rb[i].first).epsilon(1e-9));
            if (ra[i].first > ra.back().first * (1 + 1e-9)) CHECK(ra[i].second == rb[i].second);
        }
        // The same document gets the same page data and snippet, however it was fetched (over remote
        // shards the page after its first document comes from a second thread).
        std::map<std::string, const agora::SearchResult*> by_id;
        for (const auto& hit : a.results) by_id[hit.id] = &hit;
        for (const auto& hit : b.results) {
            const auto found = by_id.find(hit.id);
            if (found == by_id.end()) continue;
            CHECK(hit.snippet.html() == found->second->snippet.html());
            CHECK(hit.title == found->second->title);
            CHECK(hit.persons == found->second->persons);
        }
        REQUIRE(a.facets.has_value());
        REQUIRE(b.facets.has_value());
        CHECK(facet_pairs(a.facets->country) == facet_pairs(b.facets->country));
        CHECK(facet_pairs(a.facets->person) == facet_pairs(b.facets->person));
        CHECK(facet_pairs(a.facets->organisation) == facet_pairs(b.facets->organisation));
        CHECK(facet_pairs(a.facets->lang) == facet_pairs(b.facets->lang));
        CHECK(facet_pairs(a.facets->year) == facet_pairs(b.facets->year));
    }
    for (const char* name : {"Zhovtis", "Токаев", "HRW"}) {
        INFO("dossier: " << name);
        const agora::Dossier a = reference.dossier(name);
        const agora::Dossier b = searcher.dossier(name);
        CHECK(a.found == b.found);
        CHECK(a.name == b.name);
        CHECK(a.total == b.total);
        CHECK(std::set<std::string>(a.aliases.begin(), a.aliases.end()) ==
              std::set<std::string>(b.aliases.begin(), b.aliases.end()));
        CHECK(facet_pairs(a.related.person) == facet_pairs(b.related.person));
        CHECK(facet_pairs(a.related.country) == facet_pairs(b.related.country));
    }
}

/// The unique ids each shard of the sharded index at @p db holds.
std::vector<std::set<std::string>> ids_per_shard(const fs::path& db, std::size_t shards) {
    std::vector<std::set<std::string>> out;
    for (std::size_t i = 0; i < shards; ++i) {
        out.push_back(agora::test::unique_ids((db / ("shard-" + std::to_string(i))).string()));
    }
    return out;
}

/// xapian-tcpsrv serving @p shard on a free loopback port, in a process group of its own (the
/// server forks a process per connection: killing the group takes the whole shard down).
struct ShardServer {
    int port;
    BackgroundProgram program;

    explicit ShardServer(const fs::path& shard)
        : port(agora::test::free_port()),
          program({tcpsrv(), "--interface", "127.0.0.1", "--port", std::to_string(port), shard.string()},
                  {}, true) {
        if (!agora::test::wait_for_port(port, kServerStart)) throw std::runtime_error("xapian-tcpsrv did not start");
    }
    void kill() {
        program.send_group(SIGKILL);
        program.wait_for(std::chrono::seconds(10));
    }
    static std::string tcpsrv() {
        static const std::string program = agora::test::find_program("xapian-tcpsrv");
        if (program.empty()) throw std::runtime_error("xapian-tcpsrv not found (Debian's xapian-tools)");
        return program;
    }
};

fs::path write_remote_stub(const fs::path& dir, const fs::path& catalog, const std::vector<int>& ports) {
    const fs::path stub = dir / "remote.stub";
    std::ofstream out(stub);
    out << "# catalog here, shards on their servers\nauto " << catalog.string() << "\n";
    for (int port : ports) out << "remote tcp 127.0.0.1 " << port << "\n";
    return stub;
}

}  // namespace

TEST_CASE("a sharded index answers exactly as one database: ranks, scores, facets, suggestions, dossiers, "
          "counted on one thread or two",
          "[integration][scale]") {
    TempDir dir;
    const fs::path in = make_collection(dir.path());
    const std::string single = (dir / "single").string();
    const std::string sharded = (dir / "sharded").string();
    const agora::IndexSummary one = build(single, in, 0, 1);
    const agora::IndexSummary three = build(sharded, in, 3, 2);
    CHECK(three.total_documents == one.total_documents);
    CHECK(three.names_joined == one.names_joined);
    REQUIRE(fs::exists(fs::path(sharded) / "agora.stub"));

    // Every shard holds documents, and each document is in the shard its id hashes to.
    std::size_t sum = 0;
    const auto per_shard = ids_per_shard(sharded, 3);
    for (std::size_t i = 0; i < per_shard.size(); ++i) {
        CHECK(!per_shard[i].empty());
        sum += per_shard[i].size();
        for (const std::string& id : per_shard[i]) CHECK(agora::shard_of(id, 3) == i);
    }
    CHECK(sum == one.total_documents);

    agora::Searcher reference(single);
    agora::Searcher searcher(sharded);
    check_same_answers(reference, searcher);
    // Counting on the calling thread answers as counting on a second one, on either layout.
    agora::SearchOpenOptions one_thread;
    one_thread.parallel_count = false;
    agora::Searcher single_one_thread(single, one_thread);
    check_same_answers(reference, single_one_thread);
    agora::Searcher sharded_one_thread(sharded, one_thread);
    check_same_answers(reference, sharded_one_thread);

    // The web page opens the sharded folder as it opens one database.
    const agora::web::HttpResponse page = web_get(sharded, "q=torture&format=json");
    REQUIRE(page.status == 200);
    agora::SearchRequest torture;
    torture.query = "torture";
    CHECK(nlohmann::json::parse(page.body)["total"] == reference.search(torture).total);

    SECTION("merged back into one database by compaction, it answers the same") {
        CHECK(agora::compact_index(sharded) == one.total_documents);
        CHECK(!fs::exists(fs::path(sharded) / "shard-0"));
        agora::Searcher compacted(sharded);
        check_same_answers(reference, compacted);
        // The compacted index keeps its bookkeeping: a run over the same files changes nothing.
        const agora::IndexSummary again = build(sharded, in, 0, 2);
        CHECK(again.files_indexed == 0);
        CHECK(again.total_documents == one.total_documents);
    }
}

TEST_CASE("routing is stable: two runs put every document in the same shard, and a changed source "
          "replaces its documents where they are",
          "[integration][scale]") {
    TempDir dir;
    const fs::path in = make_collection(dir.path());
    build((dir / "a").string(), in, 2, 2);
    build((dir / "b").string(), in, 2, 1);
    const auto a = ids_per_shard(dir / "a", 2);
    CHECK(a == ids_per_shard(dir / "b", 2));

    // Edit a multi-article page: the re-run replaces its documents in place, nothing is duplicated.
    fs::path page;
    for (const auto& e : fs::recursive_directory_iterator(in / "generated")) {
        if (e.path().extension() == ".txt") page = e.path();
    }
    REQUIRE(!page.empty());
    { std::ofstream(page, std::ios::app) << "\n    Quarzite extra paragraph about zorblax.\n"; }
    fs::last_write_time(page, fs::last_write_time(page) + std::chrono::seconds(5));
    const agora::IndexSummary again = build((dir / "a").string(), in, 0, 2);
    CHECK(again.files_indexed == 1);
    CHECK(again.documents_removed == again.documents_added);
    CHECK(ids_per_shard(dir / "a", 2) == a);
    agora::Searcher searcher((dir / "a").string());
    agora::SearchRequest r;
    r.query = "quarzite";
    CHECK(searcher.search(r).total == 1);
}

TEST_CASE("remote shards through xapian-tcpsrv answer as one database, and a shard that goes down gives "
          "an error naming it, or with allow_partial the others' results and a notice",
          "[integration][scale]") {
    TempDir dir;
    const fs::path in = make_collection(dir.path());
    const std::string single = (dir / "single").string();
    const fs::path sharded = dir / "sharded";
    build(single, in, 0, 1);
    build(sharded.string(), in, 2, 2);

    ShardServer first(sharded / "shard-0");
    ShardServer second(sharded / "shard-1");
    const fs::path stub = write_remote_stub(dir.path(), sharded / "catalog", {first.port, second.port});

    agora::Searcher reference(single);
    agora::Searcher remote(stub.string());
    check_same_answers(reference, remote);

    {
        // Kept open across a commit, every thread of a search sees it: the ranking, the count on the
        // second thread and the page's documents read by the third. The records of one file are
        // rewritten in place (same ids, so same docids). A counting thread left at the old revision
        // counts nothing rather than failing (checked by breaking its reopen). A page-reading thread
        // left behind may meet the error of a revision overwritten since, and then the calling
        // thread reads the document; whichever thread reads it, the titles must be the new ones.
        const fs::path file = in / "generated" / "reports-000.jsonl";
        std::ifstream old_file(file);
        std::string line, rewritten;
        std::size_t records = 0;
        while (std::getline(old_file, line)) {
            nlohmann::json record = nlohmann::json::parse(line);
            record["title"] = "Quillwort " + record["title"].get<std::string>();
            record["text"] = record["text"].get<std::string>() + "\n\nQuillwort.";
            rewritten += record.dump() + "\n";
            ++records;
        }
        old_file.close();
        REQUIRE(records > 10);
        agora::test::write_file(file, rewritten);
        const agora::IndexSummary again = build(sharded.string(), in, 2, 2);
        CHECK(again.documents_added == records);
        CHECK(again.documents_removed == records);

        agora::SearchRequest counted;
        counted.query = "quillwort zorblax";  // two words: the exact total comes from the second thread
        CHECK(remote.search(counted).total == records);
        agora::SearchRequest page;
        page.query = "quillwort";
        page.limit = 20;
        const agora::SearchResponse fresh = remote.search(page);
        CHECK(fresh.total == records);
        REQUIRE(fresh.results.size() == 20);
        for (const agora::SearchResult& hit : fresh.results) {
            INFO("rank " << hit.rank << ": " << hit.id);
            CHECK(hit.title.rfind("Quillwort ", 0) == 0);
        }
    }

    // The CLI takes the stub too.
    const RunResult cli = run_program({kSearch, "--db", stub.string(), "--json", "torture"});
    CHECK(cli.status == 0);
    CHECK(has(cli.out, "\"total\""));

    agora::Searcher partial(stub.string(), agora::SearchOpenOptions{true, 5000});
    agora::SearchRequest request;
    request.query = "zorblax";
    const std::size_t all = partial.search(request).total;
    // What the first shard alone answers: a stub listing the catalog and that shard.
    agora::test::write_file(dir / "first.stub", "auto " + (sharded / "catalog").string() + "\nauto " +
                                                    (sharded / "shard-0").string() + "\n");
    const std::size_t on_first = agora::Searcher((dir / "first.stub").string()).search(request).total;
    REQUIRE(on_first > 0);

    second.kill();
    const std::string label = "127.0.0.1:" + std::to_string(second.port);
    // Opened before the kill, without allow_partial: a clear error naming the shard.
    try {
        remote.search(request);
        FAIL("a search over a dead shard succeeded");
    } catch (const agora::ShardUnavailableError& e) {
        CHECK(has(e.what(), label));
        CHECK(has(e.what(), "--allow-partial"));
    }
    // With allow_partial: the first shard's documents, and the missing one named.
    const agora::SearchResponse rest = partial.search(request);
    CHECK(rest.total == on_first);
    CHECK(rest.total < all);
    REQUIRE(rest.unavailable_shards.size() == 1);
    CHECK(rest.unavailable_shards[0] == label);
    CHECK(!rest.notices.empty());

    // Opening while it is down: the same two behaviours, and the CLI's exit status and message.
    CHECK_THROWS_WITH(agora::Searcher(stub.string()), Catch::Contains(label));
    agora::Searcher opened_partial(stub.string(), agora::SearchOpenOptions{true, 5000});
    CHECK(opened_partial.search(request).total == on_first);
    const RunResult refused = run_program({kSearch, "--db", stub.string(), "zorblax"});
    CHECK(refused.status == 2);
    CHECK(has(refused.err, label));
    const RunResult allowed = run_program({kSearch, "--db", stub.string(), "--allow-partial", "--json", "zorblax"});
    CHECK(allowed.status == 0);
    CHECK(has(allowed.out, "\"unavailable_shards\":[\"" + label + "\"]"));
    CHECK(has(allowed.err, "warning: shard unavailable"));
    CHECK(has(allowed.err, label));

    // The web page: 503 without allow_partial, the others' results with it (agora.conf).
    CHECK(web_get(stub.string(), "q=zorblax&format=json").status == 503);
    const agora::web::HttpResponse page = web_get(stub.string(), "q=zorblax&format=json", true);
    REQUIRE(page.status == 200);
    CHECK(nlohmann::json::parse(page.body)["total"] == on_first);
}

TEST_CASE("agora-index keeps a layout unless told to rebuild it, and refuses what it cannot write",
          "[integration][scale]") {
    TempDir dir;
    agora::test::write_file(dir / "in" / "a.txt", "Torture in custody was reported in Almaty.\n");
    agora::test::write_file(dir / "in" / "b.txt", "Journalists were detained in Minsk.\n");
    const std::string db = (dir / "db").string();
    const std::string in = (dir / "in").string();

    RunResult r = run_program({kIndex, "--db", db, "--shards", "2", "--jobs", "2", in});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(has(r.err, "(2 shards)"));
    // Without --shards, the index keeps its two; a different count needs --rebuild.
    r = run_program({kIndex, "--db", db, in});
    CHECK(r.status == 0);
    CHECK(has(r.err, "2 unchanged"));
    r = run_program({kIndex, "--db", db, "--shards", "3", in});
    CHECK(r.status == 2);
    CHECK(has(r.err, "has 2 shards"));
    CHECK(has(r.err, "--rebuild"));
    r = run_program({kIndex, "--db", db, "--rebuild", "--shards", "3", in});
    CHECK(r.status == 0);
    CHECK(fs::exists(fs::path(db) / "shard-2"));
    CHECK(agora::Searcher(db).document_count() == 2);

    // A single database does not turn into shards by accident.
    const std::string plain = (dir / "plain").string();
    REQUIRE(run_program({kIndex, "--db", plain, in}).status == 0);
    r = run_program({kIndex, "--db", plain, "--shards", "2", in});
    CHECK(r.status == 2);
    CHECK(has(r.err, "single database"));
    r = run_program({kIndex, "--db", plain, "--rebuild", "--shards", "2", in});
    CHECK(r.status == 0);
    CHECK(agora::Searcher(plain).document_count() == 2);

    // --compact merges; it refuses a single database and extra arguments.
    r = run_program({kIndex, "--db", db, "--compact"});
    CHECK(r.status == 0);
    CHECK(agora::Searcher(db).document_count() == 2);
    r = run_program({kIndex, "--db", (dir / "nothing").string(), "--compact"});
    CHECK(r.status == 2);
    CHECK(has(r.err, "not a sharded index"));

    // A stub with a remote line is for searching, not writing; a broken stub names its line.
    agora::test::write_file(dir / "remote" / "agora.stub", "auto catalog\nremote tcp 127.0.0.1 1\n");
    r = run_program({kIndex, "--db", (dir / "remote").string(), in});
    CHECK(r.status == 2);
    CHECK(has(r.err, "agora.stub:2"));
    CHECK(has(r.err, "remote"));
    agora::test::write_file(dir / "bad.stub", "auto catalog\nremote tcp 127.0.0.1 port\n");
    r = run_program({kSearch, "--db", (dir / "bad.stub").string(), "torture"});
    CHECK(r.status == 2);
    CHECK(has(r.err, "bad.stub:2"));
}
