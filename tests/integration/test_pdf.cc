/** @file
 *  @brief Indexing a folder of PDFs: the readable one is searchable, the scanned, encrypted and
 *         truncated ones are reported by name with their reasons, and the run completes.
 */
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "agora/index/indexer.h"
#include "agora/search/searcher.h"
#include "pdf_writer.h"
#include "test_support.h"

using agora::test::make_pdf;
using agora::test::PdfSpec;
using agora::test::TempDir;
using agora::test::write_file;

namespace {

struct Run {
    agora::IndexSummary summary;
    std::vector<agora::Diagnostic> diagnostics;
};

Run index(const std::string& db, const std::vector<std::string>& inputs) {
    Run run;
    agora::IndexOptions options;
    options.on_diagnostic = [&](const agora::Diagnostic& d) { run.diagnostics.push_back(d); };
    agora::Indexer indexer(db);
    run.summary = indexer.run(inputs, options);
    return run;
}

/// The one rejection naming @p file, or empty when there is none.
std::string rejection_of(const Run& run, const std::string& file) {
    std::string message;
    for (const auto& d : run.diagnostics) {
        if (d.severity == agora::Severity::rejection && d.file.find(file) != std::string::npos) {
            CHECK(message.empty());
            message = d.message;
        }
    }
    return message;
}

}  // namespace

TEST_CASE("a folder of good and bad PDFs is indexed, the bad ones reported", "[integration][pdf]") {
    TempDir dir;
    const auto src = dir / "pdfs";

    PdfSpec good;
    good.title = "Доклад о свободе собраний";
    good.creation_date = "D:20230312100000+03'00'";
    good.pages = {{"Freedom of assembly", "", "Peaceful protesters in Almaty were detai-",
                   "ned by the police."},
                  {"Задержания участников мирных собраний в Казани."},
                  {"Les défenseurs des droits humains ont été arrêtés."}};
    write_file(src / "good.pdf", make_pdf(good));

    PdfSpec scanned;
    scanned.pages = {{"ignored"}};
    scanned.no_text = true;
    write_file(src / "scanned.pdf", make_pdf(scanned));

    PdfSpec locked = good;
    locked.encrypted = true;
    write_file(src / "locked.pdf", make_pdf(locked));

    const std::string whole = make_pdf(good);
    write_file(src / "truncated.pdf", whole.substr(0, whole.size() / 2));

    const std::string db = (dir / "db").string();
    Run run;
    REQUIRE_NOTHROW(run = index(db, {src.string()}));
    CHECK(run.summary.files == 4);
    CHECK(run.summary.files_rejected == 3);
    CHECK(run.summary.total_documents == 1);

    CHECK(rejection_of(run, "scanned.pdf") ==
          "no text layer (a scanned PDF?); Agora does not do OCR");
    CHECK(rejection_of(run, "locked.pdf") == "encrypted PDF: cannot read it without its password");
    CHECK(rejection_of(run, "truncated.pdf").starts_with("not a readable PDF ("));
    CHECK(rejection_of(run, "good.pdf").empty());

    agora::Searcher searcher(db);
    const auto search = [&](const std::string& query) {
        agora::SearchRequest request;
        request.query = query;
        return searcher.search(request);
    };
    // Words of every page, in each language, and a word joined across a hyphenated line end.
    for (const char* query :
         {"almaty", "detained", "казани", "défenseurs", "\"detained by the police\""}) {
        INFO(query);
        const agora::SearchResponse response = search(query);
        REQUIRE(response.total == 1);
        CHECK(response.results[0].path.find("good.pdf") != std::string::npos);
        CHECK(response.results[0].title == "Доклад о свободе собраний");
        CHECK(response.results[0].date == "2023-03-12");
    }
    CHECK(search("detai").total == 0);

    // A second run reads nothing again and keeps the document.
    const Run again = index(db, {src.string()});
    CHECK(again.summary.total_documents == 1);
}
