/** @file
 *  @brief Dates in search (ranges, sorting, the year facet, `date:`) and the folder walk (patterns,
 *         symbolic links and their loops).
 */
#include "agora/index/indexer.h"
#include "agora/index/source_walker.h"
#include "agora/search/date_range.h"
#include "agora/search/searcher.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using agora::SearchRequest;
using nlohmann::json;

namespace {

const std::string& dated_db() {
    static agora::test::TempDir dir;
    static const std::string db = [] {
        const std::pair<const char*, const char*> dates[] = {
            {"a", "2019-12-31"}, {"b", "2020-01-01"}, {"c", "2020-06"}, {"d", "2021"}, {"e", "2022-03-15"}, {"f", ""}};
        std::vector<std::string> records;
        for (const auto& [id, date] : dates) {
            json r = {{"id", id}, {"lang", "en"}, {"title", std::string("Report ") + id},
                      {"text", "Monitors describe the conditions of detention in this report."}};
            if (*date) r["date"] = date;
            records.push_back(r.dump());
        }
        return agora::test::index_records(dir.path(), records);
    }();
    return db;
}

std::vector<std::string> ids(SearchRequest r) {
    static agora::Searcher searcher(dated_db());
    r.limit = 100;
    if (r.query.empty()) r.query = "detention";
    std::vector<std::string> out;
    for (const auto& result : searcher.search(r).results) out.push_back(result.id.substr(result.id.rfind('#') + 1));
    return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("date bounds read years, months and days", "[unit][dates]") {
    CHECK(agora::date_bound("2020", false) == "20200101");
    CHECK(agora::date_bound("2020", true) == "20201231");
    CHECK(agora::date_bound("2020-6", true) == "20200631");
    CHECK(agora::date_bound("2020-06-08", false) == "20200608");
    for (const char* bad : {"", "20", "2020-13", "2020-00", "2020-06-32", "x2020", "2020-06-08-01", "0999"}) {
        CHECK_FALSE(agora::date_bound(bad, false));
    }
    CHECK(agora::parse_date_range("2020..2022") == std::make_pair(std::string("20200101"), std::string("20221231")));
    CHECK(agora::parse_date_range("..2019")->first.empty());
    CHECK_FALSE(agora::parse_date_range(".."));
}

TEST_CASE("since and until keep documents in the range, partial dates from their first day", "[integration][dates]") {
    SearchRequest r;
    r.since = *agora::date_bound("2020", false);
    r.until = *agora::date_bound("2021", true);
    CHECK(sorted(ids(r)) == Ids{"b", "c", "d"});
    r.until.clear();
    CHECK(sorted(ids(r)) == Ids{"b", "c", "d", "e"});
    r.since.clear();
    r.until = *agora::date_bound("2019", true);
    CHECK(ids(r) == Ids{"a"});
}

TEST_CASE("date: in the query, and a bad date is a notice, not a failure", "[integration][dates]") {
    SearchRequest r;
    r.query = "detention date:2020..2021";
    CHECK(sorted(ids(r)) == Ids{"b", "c", "d"});
    r.query = "detention date:2022..";
    CHECK(ids(r) == Ids{"e"});
    r.query = "detention date:2020-06";
    CHECK(ids(r) == Ids{"c"});
    agora::Searcher searcher(dated_db());
    SearchRequest bad;
    bad.query = "detention date:yesterday";
    const auto response = searcher.search(bad);
    CHECK(response.total == 0);
    REQUIRE(response.notices.size() == 1);
    CHECK(response.notices[0].find("date:yesterday") != std::string::npos);
}

TEST_CASE("sorting by date puts the newest first and undated documents last", "[integration][dates]") {
    SearchRequest r;
    r.sort = SearchRequest::Sort::date;
    CHECK(ids(r) == Ids{"e", "d", "c", "b", "a", "f"});
}

TEST_CASE("the year facet counts the whole match set, newest year first", "[integration][dates]") {
    agora::Searcher searcher(dated_db());
    SearchRequest r;
    r.query = "detention";
    r.facets = true;
    r.limit = 1;
    const auto response = searcher.search(r);
    REQUIRE(response.facets);
    std::vector<std::pair<std::string, std::size_t>> years;
    for (const auto& v : response.facets->year) years.emplace_back(v.value, v.count);
    CHECK(years == std::vector<std::pair<std::string, std::size_t>>{{"2022", 1}, {"2021", 1}, {"2020", 2}, {"2019", 1}});
}

TEST_CASE("include and exclude patterns choose files by name or by path", "[integration][walk]") {
    agora::test::TempDir dir;
    for (const char* f : {"a/report.txt", "a/notes.md", "b/report.txt", "b/drafts/x.txt", "c.html"}) {
        agora::test::write_file(dir / "in" / f, "Some text about detention.");
    }
    auto walk = [&](agora::WalkOptions options) {
        std::vector<agora::Diagnostic> diagnostics;
        std::vector<std::string> out;
        for (const auto& s : agora::walk_sources({(dir / "in").string()}, diagnostics, options)) {
            out.push_back(fs::relative(s.display, dir / "in").string());
        }
        CHECK(diagnostics.empty());
        return out;
    };
    CHECK(walk({{"*.txt"}, {}}) == Ids{"a/report.txt", "b/drafts/x.txt", "b/report.txt"});
    CHECK(walk({{}, {"drafts"}}) == Ids{"a/notes.md", "a/report.txt", "b/report.txt", "c.html"});
    CHECK(walk({{"b/*.txt"}, {}}) == Ids{"b/report.txt"});
    CHECK(walk({{"*.txt"}, {"a/*"}}) == Ids{"b/drafts/x.txt", "b/report.txt"});
}

TEST_CASE("symbolic links are followed, loops and broken links reported, and the walk goes on", "[integration][walk]") {
    agora::test::TempDir dir;
    agora::test::write_file(dir / "in" / "a" / "one.txt", "First report on detention.");
    agora::test::write_file(dir / "elsewhere" / "two.txt", "Second report on detention.");
    fs::create_directory_symlink(dir / "elsewhere", dir / "in" / "linked");
    fs::create_directory_symlink(dir / "in", dir / "in" / "a" / "loop");        // back to an ancestor
    fs::create_symlink(dir / "missing.txt", dir / "in" / "broken.txt");
    std::vector<agora::Diagnostic> diagnostics;
    const auto files = agora::walk_sources({(dir / "in").string()}, diagnostics);
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(fs::path(f.canonical).filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == Ids{"one.txt", "two.txt"});
    REQUIRE(diagnostics.size() == 2);
    std::string messages;
    for (const auto& d : diagnostics) messages += d.to_string() + "\n";
    CHECK(messages.find("loop") != std::string::npos);
    CHECK(messages.find("broken symbolic link") != std::string::npos);
    CHECK(messages.find("broken.txt") != std::string::npos);
}
