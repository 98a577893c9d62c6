/** @file
 *  @brief Indexing runs: idempotence, replacement, pruning, encodings and every kind of bad input.
 */
#include "agora/index/indexer.h"
#include "agora/limits.h"
#include "agora/search/searcher.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include <chrono>
#include <thread>

using agora::IndexOptions;
using agora::IndexSummary;
using agora::Indexer;
using agora::test::TempDir;
using agora::test::write_file;

namespace {

struct Run {
    IndexSummary summary;
    std::vector<agora::Diagnostic> diagnostics;
};

Run index(const std::string& db, const std::vector<std::string>& inputs, bool prune = false) {
    Run run;
    IndexOptions options;
    options.prune = prune;
    options.on_diagnostic = [&](const agora::Diagnostic& d) { run.diagnostics.push_back(d); };
    Indexer indexer(db);
    run.summary = indexer.run(inputs, options);
    return run;
}

std::size_t hits(const std::string& db, const std::string& query) {
    agora::Searcher searcher(db);
    agora::SearchRequest request;
    request.query = query;
    return searcher.search(request).total;
}

bool mentions(const Run& run, const std::string& file_part, const std::string& message_part) {
    for (const auto& d : run.diagnostics) {
        const std::string s = d.to_string();
        if (s.find(file_part) != std::string::npos && s.find(message_part) != std::string::npos) return true;
    }
    return false;
}

std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// File times have a granularity; make sure a rewrite gets a different modification time.
void touch_later(const std::filesystem::path& p) {
    const auto t = std::filesystem::last_write_time(p);
    std::filesystem::last_write_time(p, t + std::chrono::seconds(5));
}

}  // namespace

TEST_CASE("re-indexing the same folder changes nothing", "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    const Run first = index(db, {agora::test::fixture("collection").string()});
    CHECK(first.summary.rejections == 0);
    CHECK(first.summary.files_indexed == first.summary.files);
    const std::size_t documents = first.summary.total_documents;
    CHECK(documents >= 12);

    const Run second = index(db, {agora::test::fixture("collection").string()});
    CHECK(second.summary.total_documents == documents);
    CHECK(second.summary.files_unchanged == second.summary.files);
    CHECK(second.summary.documents_added == 0);
}

TEST_CASE("a changed file's documents are replaced, not duplicated", "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    const auto page = dir / "src" / "page.txt";
    write_file(page, "Page\n\n  • First headline\n\n    alpha text\n\n  • Second headline\n\n    beta text\n");
    CHECK(index(db, {(dir / "src").string()}).summary.total_documents == 2);
    CHECK(hits(db, "alpha") == 1);

    write_file(page, "Page\n\n  • Only headline\n\n    gamma text\n");
    touch_later(page);
    const Run second = index(db, {(dir / "src").string()});
    CHECK(second.summary.total_documents == 1);
    CHECK(second.summary.documents_removed == 2);
    CHECK(hits(db, "alpha") == 0);
    CHECK(hits(db, "beta") == 0);
    CHECK(hits(db, "gamma") == 1);
}

TEST_CASE("pruning deletes documents whose source is gone, and only those", "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    write_file(dir / "a" / "keep.txt", "Kept report\n\nThe kept report mentions zebras.");
    write_file(dir / "b" / "gone.txt", "Removed report\n\nThe removed report mentions giraffes.");
    index(db, {(dir / "a").string()});
    index(db, {(dir / "b").string()});
    std::filesystem::remove(dir / "b" / "gone.txt");

    const Run without_prune = index(db, {(dir / "a").string()});
    CHECK(without_prune.summary.total_documents == 2);
    const Run pruned = index(db, {(dir / "a").string()}, true);
    CHECK(pruned.summary.sources_pruned == 1);
    CHECK(pruned.summary.total_documents == 1);
    CHECK(hits(db, "giraffes") == 0);
    CHECK(hits(db, "zebras") == 1);
}

TEST_CASE("windows-1251, KOI8-R and Latin-1 files are decoded", "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    const std::string russian =
        "Задержания журналистов\n\nПравозащитники сообщили о новых задержаниях журналистов и блогеров, "
        "которые освещали акции протеста в нескольких городах страны.";
    const std::string french =
        "Liberté de la presse\n\nLes journalistes étrangers ont été empêchés de couvrir la manifestation "
        "et leurs téléphones ont été confisqués par la police.";
    write_file(dir / "src" / "cp1251.txt", encode(russian, "windows-1251"));
    write_file(dir / "src" / "koi8.txt", encode(russian, "KOI8-R"));
    write_file(dir / "src" / "latin1.txt", encode(french, "ISO-8859-1"));
    const Run run = index(db, {(dir / "src").string()});
    CHECK(run.summary.rejections == 0);
    CHECK(hits(db, "журналист") == 2);
    CHECK(hits(db, "empêcher") == 1);
    CHECK(hits(db, "\"téléphones ont été confisqués\"") == 1);
}

TEST_CASE("bad input is reported by file and line, the rest is indexed, nothing is lost",
          "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    write_file(dir / "good" / "report.txt", "Good report\n\nA report about peaceful protesters.");
    REQUIRE(index(db, {(dir / "good").string()}).summary.total_documents == 1);

    const auto bad = dir / "bad";
    write_file(bad / "empty.txt", "");
    write_file(bad / "binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20));
    write_file(bad / "invalid-utf8.txt", "Broken bytes\n\nA statement \xC3\x28 about detained \xFF lawyers.");
    write_file(bad / "broken.html", "<html><body><p>Unclosed <b>paragraph about journalists<div><p>more");
    write_file(bad / "records.jsonl",
               "{\"id\": \"1\", \"title\": \"Fine\", \"text\": \"A fine record about elections.\"}\n"
               "{\"id\": \"2\", \"title\": \"Broken\", \"text\": \"missing the closing brace\"\n"
               "{\"id\": \"3\", \"title\": \"Also fine\", \"text\": \"Another record about elections.\"}\n");
    const Run run = index(db, {bad.string(), (dir / "missing").string()});

    CHECK(mentions(run, "empty.txt", "empty"));
    CHECK(mentions(run, "binary.txt", "binary"));
    CHECK(mentions(run, "records.jsonl:2", ""));
    CHECK(mentions(run, "missing", "no such file"));
    CHECK(run.summary.rejections >= 4);
    CHECK(hits(db, "peaceful") == 1);                   // what was indexed stays
    CHECK(hits(db, "lawyers") == 1);                    // invalid bytes replaced, text kept
    CHECK(hits(db, "journalists") == 1);                // broken HTML still gives its text
    CHECK(hits(db, "elections") == 2);                  // the good JSONL lines
}

TEST_CASE("an oversized file is truncated with a warning", "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    std::string big = "Huge file\n\nThe opening mentions ostriches.";
    big += std::string(agora::limits::kMaxFileBytes, ' ');
    big += " closingword";
    write_file(dir / "src" / "huge.txt", big);
    const Run run = index(db, {(dir / "src").string()});
    CHECK(mentions(run, "huge.txt", "truncated"));
    CHECK(hits(db, "ostriches") == 1);
    CHECK(hits(db, "closingword") == 0);
}

TEST_CASE("a file that becomes unreadable keeps its documents", "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    const auto file = dir / "src" / "report.txt";
    write_file(file, "Report\n\nText about hunger strikes.");
    index(db, {(dir / "src").string()});
    write_file(file, "");
    touch_later(file);
    const Run run = index(db, {(dir / "src").string()});
    CHECK(run.summary.rejections == 1);
    CHECK(hits(db, "hunger") == 1);
}

TEST_CASE("a second writer is told the index is locked", "[integration][indexing]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    Indexer first(db);
    CHECK_THROWS_AS(Indexer(db), agora::IndexOpenError);
}

TEST_CASE("in a large collection a word enters the spelling table on its second sighting",
          "[integration][indexing][spelling]") {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    auto suggestion = [&](const std::string& query) {
        agora::Searcher searcher(db);
        agora::SearchRequest request;
        request.query = query;
        return searcher.search(request).suggestion.value_or("");
    };
    auto index_with = [&](const std::filesystem::path& file, std::size_t once_after) {
        IndexOptions options;
        options.spelling_once_after_documents = once_after;
        Indexer indexer(db);
        return indexer.run({file.string()}, options);
    };
    // "Large" from the first document on: both words of the first file are seen once.
    write_file(dir.path() / "in" / "a.txt",
               "Kyrgyzstan: the ombudswoman visited the penitentiary\n\nThe penitentiary in Bishkek holds "
               "the ombudswoman's complainants.\n");
    index_with(dir.path() / "in" / "a.txt", 0);
    CHECK(suggestion("penitentiarry") == "penitentiary");  // twice in one file: in the table
    CHECK(suggestion("complainantz").empty());             // once: waiting
    // The second sighting comes in another run, from another file: now the word is in.
    write_file(dir.path() / "in" / "b.txt", "Lawyers for the complainants asked for a hearing.\n");
    index_with(dir.path() / "in" / "b.txt", 0);
    CHECK(suggestion("complainantz") == "complainants");
    // Below the threshold every word goes in at once.
    write_file(dir.path() / "in" / "c.txt", "The moratorium was extended.\n");
    index_with(dir.path() / "in" / "c.txt", 10000);
    CHECK(suggestion("moratorim") == "moratorium");
}
