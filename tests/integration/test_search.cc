/** @file
 *  @brief Search behaviour over the fixture collection: cross-language morphology, elision, accents,
 *         ё, phrases, fields, ranking and "did you mean".
 */
#include "agora/index/indexer.h"
#include "agora/search/searcher.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

using agora::Lang;
using agora::SearchRequest;
using agora::Searcher;

namespace {

// One index of the fixture collection, built once for every test in this file.
const std::string& collection_db() {
    static agora::test::TempDir dir;
    static const std::string db = [] {
        const std::string path = (dir / "db").string();
        agora::Indexer indexer(path);
        indexer.run({agora::test::fixture("collection").string()}, {});
        return path;
    }();
    return db;
}

agora::SearchResponse search(const std::string& query, Lang lang = Lang::unknown) {
    static Searcher searcher(collection_db());
    SearchRequest request;
    request.query = query;
    request.lang = lang;
    return searcher.search(request);
}

std::vector<std::string> paths(const agora::SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& result : r.results) {
        out.push_back(std::filesystem::path(result.path).filename().string() +
                      (result.article ? "#" + std::to_string(result.article) : ""));
    }
    return out;
}

// A request for one page of @p query.
SearchRequest page_of(std::string query, std::size_t limit) {
    SearchRequest request;
    request.query = std::move(query);
    request.limit = limit;
    return request;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("a query finds inflected forms without naming the language", "[integration][search]") {
    struct Case {
        const char* query;
        const char* expected;
    };
    const Case cases[] = {
        {"пытка", "pytki.txt"},                      // пыткам, пытки
        {"arrested", "house-arrest.txt"},            // arrest
        {"réunions pacifiques", "reunions.txt"},     // réunion … pacifiques
        {"l’éducation", "reunions.txt"},             // typographic apostrophe
        {"l'éducation", "chomage.txt"},              // ASCII apostrophe
        {"chomage", "chomage.txt"},                  // accent optional
        {"еще", "pytki.txt"},                        // ё optional
        {"ещё", "sobraniya.txt"},                    // and the other way round
        {"собрание", "sobraniya.txt"},               // собраниях
        {"detained", "reports.jsonl#1"},             // JSONL record
        {"interpeller", "reports.jsonl#3"},
        {"dispersed", "two-articles.html#2"},        // second <article>
        {"torture", "monitor-page.txt#2"},           // second • article
    };
    for (const Case& c : cases) {
        const auto r = search(c.query);
        INFO(c.query << " → " << r.total << " results");
        CHECK(contains(paths(r), c.expected));
    }
}

TEST_CASE("phrases need the words together and in order", "[integration][search]") {
    CHECK(search("\"peaceful assembly\"").total >= 1);
    CHECK(search("\"assembly peaceful\"").total == 0);
    CHECK(contains(paths(search("\"мирных собраниях\"")), "sobraniya.txt"));
}

TEST_CASE("operators and fields narrow the results", "[integration][search]") {
    const auto either = search("torture OR пытка");
    CHECK(contains(paths(either), "pytki.txt"));
    CHECK(contains(paths(either), "monitor-page.txt#2"));
    CHECK_FALSE(contains(paths(search("пытка -адвокатов")), "pytki.txt"));
    CHECK_FALSE(contains(paths(search("пытка NOT адвокатов")), "pytki.txt"));
    const auto russian = search("lang:ru задержание");
    for (const auto& r : russian.results) CHECK(r.lang == "ru");
    CHECK(russian.total >= 1);
    CHECK(contains(paths(search("title:torture")), "monitor-page.txt#2"));
    CHECK(search("title:flooding").total == 0);  // only in the body
    CHECK(search("house", Lang::fr).total == 0);  // --lang filters
}

TEST_CASE("title words rank above body words", "[integration][search]") {
    // "arrest" is in the title of house-arrest.txt and only in the body of assembly-law.txt ("arrested").
    const auto found = paths(search("arrest", Lang::en));
    const auto title = std::find(found.begin(), found.end(), "house-arrest.txt");
    const auto body = std::find(found.begin(), found.end(), "assembly-law.txt");
    REQUIRE(title != found.end());
    REQUIRE(body != found.end());
    CHECK(title < body);
}

TEST_CASE("results carry metadata, and snippets mark the matches", "[integration][search]") {
    const auto r = search("trade union detained");
    REQUIRE(!r.results.empty());
    const auto& top = r.results.front();
    CHECK(top.title == "Detention of a trade unionist");
    CHECK(top.date == "2023-04-12");
    CHECK(top.url == "https://example.org/r1");
    CHECK(top.lang == "en");
    CHECK(top.snippet.html().find("<mark>detained</mark>") != std::string::npos);
    const auto html = search("dispersed");
    REQUIRE(!html.results.empty());
    CHECK(html.results.front().title == "Rally dispersed");
    CHECK(search("scriptword").total == 0);  // <script> is not text
}

TEST_CASE("did you mean: a misspelt query gets a correction", "[integration][search]") {
    const auto r = search("tortture");
    CHECK(r.total == 0);
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "torture");
    const auto ru = search("пыткми");
    REQUIRE(ru.suggestion);
    CHECK(search(*ru.suggestion).total >= 1);
    CHECK_FALSE(search("torture").suggestion);
}

TEST_CASE("queries with stray quotes or operators still return results", "[integration][search]") {
    for (const char* q : {"\"torture", "torture AND", "OR torture", "(torture", "torture)", "torture -",
                          "NOT NOT torture OR"}) {
        INFO(q);
        CHECK(search(q).total >= 1);
    }
}

TEST_CASE("paging is consistent with the total", "[integration][search]") {
    Searcher searcher(collection_db());
    SearchRequest request = page_of("the OR le OR и", 2);
    const auto first = searcher.search(request);
    REQUIRE(first.total >= 4);
    request.offset = 2;
    const auto second = searcher.search(request);
    CHECK(second.total == first.total);
    REQUIRE(!second.results.empty());
    CHECK(second.results.front().rank == 3);
    CHECK(second.results.front().id != first.results.front().id);
}

TEST_CASE("an index written by another schema is refused with advice, not searched", "[integration][search]") {
    agora::test::TempDir dir;
    const std::string db = (dir / "db").string();
    {
        agora::Indexer indexer(db);
        indexer.run({agora::test::fixture("collection").string()}, {});
    }
    {
        Xapian::WritableDatabase w(db);
        w.set_metadata("agora:schema", "3");
        w.commit();
    }
    try {
        Searcher searcher(db);
        FAIL("an index of schema 3 was opened");
    } catch (const agora::SearchOpenError& e) {
        const std::string what = e.what();
        CHECK(what.find("schema 3") != std::string::npos);
        CHECK(what.find("--rebuild") != std::string::npos);
    }
}

TEST_CASE("an estimated total ranks the same page and says whether it is exact", "[integration][search]") {
    Searcher searcher(collection_db());
    SearchRequest request = page_of("the OR le OR и OR a", 3);
    const auto exact = searcher.search(request);
    REQUIRE(exact.total > 3);
    CHECK(exact.total_exact);
    request.exact_total = false;
    const auto estimated = searcher.search(request);
    REQUIRE(estimated.results.size() == exact.results.size());
    for (std::size_t i = 0; i < exact.results.size(); ++i) {
        CHECK(estimated.results[i].id == exact.results[i].id);
        CHECK(estimated.results[i].score == Approx(exact.results[i].score));
    }
    if (estimated.total_exact) CHECK(estimated.total == exact.total);
    CHECK(estimated.total >= estimated.results.size());
    // Facets count every match, so the total is exact with them.
    request.facets = true;
    const auto faceted = searcher.search(request);
    CHECK(faceted.total_exact);
    CHECK(faceted.total == exact.total);
}
