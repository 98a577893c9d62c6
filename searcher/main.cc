/** @file
 *  @brief agora-search: options → core Searcher → text or JSON.
 */
#include "agora/limits.h"
#include "agora/search/result_json.h"
#include "agora/search/searcher.h"
#include "agora/util/db_path.h"

#include "agora/util/command_line.h"

#include <boost/program_options.hpp>

#include <unistd.h>

#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitNoMatch = 1;  // like grep: the query matched nothing
constexpr int kExitFatal = 2;

struct Options {
    std::string db;
    std::vector<std::string> words;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string lang;
    bool json = false;
    bool batch = false;
};

const char* const kUsage =
    "Usage: agora-search [--db DIR] [--limit N] [--offset N] [--lang L] [--json] QUERY...\n"
    "       agora-search [--db DIR] --batch < queries.txt\n"
    "Search an Agora index. Query syntax: words (all required), \"a phrase\", AND, OR, NOT,\n"
    "-word, word*, (grouping), title:word, lang:ru.\n\n"
    "Examples:\n"
    "  agora-search 'peaceful assembly'\n"
    "  agora-search --json --limit 5 'пытка OR torture'\n"
    "  agora-search 'title:\"réunions pacifiques\" -lang:en'\n";

void print_text(const agora::SearchResponse& response, bool terminal) {
    const char* bold = terminal ? "\x1b[1m" : "";
    const char* reset = terminal ? "\x1b[0m" : "";
    if (response.total == 0) {
        std::cout << "No documents match \"" << response.query << "\".\n";
    } else {
        std::cout << response.total << (response.total == 1 ? " document matches" : " documents match")
                  << " \"" << response.query << "\"";
        if (!response.results.empty()) {
            std::cout << "; showing " << response.results.front().rank << "–" << response.results.back().rank;
        }
        std::cout << ".\n";
    }
    if (response.suggestion) std::cout << "Did you mean: " << bold << *response.suggestion << reset << "\n";
    for (const agora::SearchResult& r : response.results) {
        std::cout << "\n" << r.rank << ". " << bold << r.title << reset << "\n   " << r.path;
        if (r.article > 0) std::cout << " #" << r.article;
        std::cout << "  [" << r.lang << "]";
        if (!r.date.empty()) std::cout << "  " << r.date;
        std::cout << "  score " << r.score << "\n   "
                  << (terminal ? r.snippet.ansi() : r.snippet.plain()) << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) try {
    Options options;
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("db", po::value(&options.db),
         "index folder (default: $AGORA_DB, else $XDG_DATA_HOME/agora/index)")
        ("limit,n", po::value(&options.limit)->default_value(10), "results per page (at most 1000)")
        ("offset", po::value(&options.offset)->default_value(0), "results to skip (paging)")
        ("lang", po::value(&options.lang), "only documents in this language: en, ru or fr")
        ("json", po::bool_switch(&options.json), "print one JSON object (the scripting contract)")
        ("batch", po::bool_switch(&options.batch),
         "read queries from standard input, one a line; print one JSON object a line");
    po::options_description hidden;
    hidden.add_options()("word", po::value(&options.words));
    switch (agora::parse_command_line(argc, argv, "agora-search", kUsage, visible, hidden, "word")) {
        case agora::CommandLine::help_shown: return kExitOk;
        case agora::CommandLine::invalid: return kExitFatal;
        case agora::CommandLine::run: break;
    }
    agora::SearchRequest request;
    request.limit = options.limit;
    request.offset = options.offset;
    if (!options.lang.empty()) {
        request.lang = agora::parse_lang(options.lang);
        if (request.lang == agora::Lang::unknown) {
            std::cerr << "agora-search: --lang " << options.lang << ": expected en, ru or fr\n";
            return kExitFatal;
        }
    }
    if (options.limit > agora::limits::kMaxPageSize) {
        std::cerr << "agora-search: --limit " << options.limit << ": at most "
                  << agora::limits::kMaxPageSize << "\n";
        return kExitFatal;
    }
    if (!options.batch && options.words.empty()) {
        std::cerr << "agora-search: no query given\n" << kUsage;
        return kExitFatal;
    }

    agora::Searcher searcher(agora::resolve_db_path(options.db));
    if (options.batch) {
        std::string line;
        while (std::getline(std::cin, line)) {
            request.query = line;
            const agora::SearchResponse response = searcher.search(request);
            nlohmann::json j = agora::response_to_json(response);
            j["took_ms"] = response.took_ms;
            std::cout << agora::dump_json(j) << "\n";
        }
        return kExitOk;
    }
    for (const std::string& word : options.words) {
        if (!request.query.empty()) request.query += ' ';
        request.query += word;
    }
    const agora::SearchResponse response = searcher.search(request);
    if (options.json) {
        std::cout << agora::dump_json(agora::response_to_json(response)) << "\n";
    } else {
        print_text(response, isatty(STDOUT_FILENO));
    }
    return response.total > 0 ? kExitOk : kExitNoMatch;
} catch (const agora::SearchOpenError& e) {
    std::cerr << "agora-search: " << e.what() << "\n";
    return kExitFatal;
} catch (const Xapian::Error& e) {
    std::cerr << "agora-search: " << e.get_description() << "\n";
    return kExitFatal;
} catch (const std::exception& e) {
    std::cerr << "agora-search: " << e.what() << "\n";
    return kExitFatal;
}
