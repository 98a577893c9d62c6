/** @file
 *  @brief agora-search: options → core Searcher → text or JSON.
 */
#include "agora/limits.h"
#include "agora/search/date_range.h"
#include "agora/search/result_json.h"
#include "agora/search/searcher.h"
#include "agora/util/db_path.h"

#include "agora/util/command_line.h"

#include <boost/program_options.hpp>

#include <unistd.h>

#include <iostream>
#include <tuple>

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
    std::vector<std::string> countries, persons, organisations, about;
    bool facets = false;
    bool no_facets = false;
    bool estimate_total = false;
    bool allow_partial = false;
    bool one_thread = false;
    std::size_t facet_limit = 10;
    std::string ui_lang = "en";
    std::string entity;
    bool explain = false;
    std::string format;
    std::string since, until, sort = "relevance";
};

const char* const kUsage =
    "Usage: agora-search [--db DIR] [--limit N] [--offset N] [--lang L] [FILTERS] [--json] QUERY...\n"
    "       agora-search [--db DIR] [FILTERS] --format jsonl|csv [QUERY...]   (every match)\n"
    "       agora-search [--db DIR] --entity NAME [--json]                    (dossier)\n"
    "       agora-search [--db DIR] --batch < queries.txt\n"
    "Search an Agora index. Query syntax: words (all required), \"a phrase\", AND, OR, NOT,\n"
    "-word, word*, (grouping), title:word, lang:ru, country:KZ, person:\"Yevgeniy Zhovtis\",\n"
    "org:KIBHR, about:Kazakhstan, date:2020..2022.\n"
    "FILTERS: --country X, --about X, --person NAME, --org NAME (any spelling; repeatable).\n\n"
    "Examples:\n"
    "  agora-search 'peaceful assembly'\n"
    "  agora-search --json --limit 5 'пытка OR torture'\n"
    "  agora-search 'title:\"réunions pacifiques\" -lang:en'\n"
    "  agora-search --person Жовтис --country Kazakhstan --facets\n"
    "  agora-search --entity 'Yevgeniy Zhovtis'\n";

void print_facets(const agora::Facets& facets) {
    auto list = [](const char* name, const std::vector<agora::FacetValue>& values) {
        if (values.empty()) return;
        std::cout << "  " << name << ":";
        const char* sep = " ";
        for (const agora::FacetValue& v : values) {
            std::cout << sep << v.label << " (" << v.count << ")";
            sep = ", ";
        }
        std::cout << "\n";
    };
    std::cout << "\nFacets:\n";
    list("countries", facets.country);
    list("persons", facets.person);
    list("organisations", facets.organisation);
    list("languages", facets.lang);
    list("years", facets.year);
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
        if (!out.empty()) out += ", ";
        out += v;
    }
    return out;
}

void print_dossier(const agora::Dossier& d, bool terminal) {
    const char* bold = terminal ? "\x1b[1m" : "";
    const char* reset = terminal ? "\x1b[0m" : "";
    std::cout << bold << d.name << reset << " (" << agora::kind_name(d.kind) << "), " << d.total
              << (d.total == 1 ? " document" : " documents") << "\n";
    std::cout << "Also written: " << joined(d.aliases) << "\n";
    auto related = [](const char* name, const std::vector<agora::FacetValue>& values) {
        if (values.empty()) return;
        std::cout << "Mentioned with (" << name << "):";
        const char* sep = " ";
        for (const agora::FacetValue& v : values) {
            std::cout << sep << v.label << " (" << v.count << ")";
            sep = ", ";
        }
        std::cout << "\n";
    };
    related("people", d.related.person);
    related("organisations", d.related.organisation);
    related("countries", d.related.country);
    for (const agora::FacetValue& c : d.candidates) {
        std::cout << "May also mean: " << c.value << " (" << c.label << ", " << c.count << " documents)\n";
    }
    for (const agora::Dossier::Document& doc : d.documents) {
        std::cout << "\n" << (doc.date.empty() ? "undated   " : doc.date) << "  " << bold << doc.title << reset
                  << "\n   " << doc.path;
        if (doc.article > 0) std::cout << " #" << doc.article;
        std::cout << "\n   " << (terminal ? doc.snippet.ansi() : doc.snippet.plain()) << "\n";
    }
}

// RFC 4180 field: quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string list_field(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
        if (!out.empty()) out += "; ";
        out += v;
    }
    return csv_field(out);
}

void print_text(const agora::SearchResponse& response, bool terminal) {
    const char* bold = terminal ? "\x1b[1m" : "";
    const char* reset = terminal ? "\x1b[0m" : "";
    if (response.total == 0) {
        std::cout << "No documents match \"" << response.query << "\".\n";
    } else {
        std::cout << (response.total_exact ? "" : "about ") << response.total
                  << (response.total == 1 ? " document matches" : " documents match")
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
        if (r.page > 0) std::cout << ", p. " << r.page;
        std::cout << "  [" << r.lang << "]";
        if (!r.date.empty()) std::cout << "  " << r.date;
        std::cout << "  score " << r.score << "\n   "
                  << (terminal ? r.snippet.ansi() : r.snippet.plain()) << "\n";
        if (!r.persons.empty()) std::cout << "   people: " << joined(r.persons) << "\n";
        if (!r.organisations.empty()) std::cout << "   organisations: " << joined(r.organisations) << "\n";
        if (!r.countries.empty()) std::cout << "   countries: " << joined(r.countries) << "\n";
        if (!r.explain.empty()) {
            std::cout << "   why:";
            const char* sep = " ";
            for (const agora::Explanation& e : r.explain) {
                std::cout << sep << e.word << " → " << e.form << " (" << e.how << ")";
                sep = "; ";
            }
            std::cout << "\n";
        }
    }
    for (const std::string& notice : response.notices) std::cout << "Note: " << notice << "\n";
    if (response.facets) print_facets(*response.facets);
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
         "read queries from standard input, one a line; print one JSON object a line")
        ("country", po::value(&options.countries)->composing()->value_name("X"),
         "only documents mentioning this country (ISO code or name in en/ru/fr)")
        ("about", po::value(&options.about)->composing()->value_name("X"),
         "only documents about this country")
        ("person", po::value(&options.persons)->composing()->value_name("NAME"),
         "only documents mentioning this person (any spelling or script)")
        ("org", po::value(&options.organisations)->composing()->value_name("NAME"),
         "only documents mentioning this organisation (name or acronym)")
        ("facets", po::bool_switch(&options.facets), "count countries, persons, organisations, languages")
        ("no-facets", po::bool_switch(&options.no_facets), "leave facets out of --json and --batch")
        ("estimate-total", po::bool_switch(&options.estimate_total),
         "count matches only as far as ranking needs and estimate the total (\"total_exact\": false "
         "in JSON, \"about\" on a terminal): faster on common words and phrases; facets always "
         "count every match")
        ("one-thread", po::bool_switch(&options.one_thread),
         "rank and count on one thread (by default a second thread counts the matches and facets "
         "while the first ranks the page)")
        ("allow-partial", po::bool_switch(&options.allow_partial),
         "when a shard of a sharded or remote index is down, answer from the others (with a "
         "notice naming it) instead of failing")
        ("facet-limit", po::value(&options.facet_limit)->default_value(10), "values per facet")
        ("ui-lang", po::value(&options.ui_lang)->default_value("en"), "language of labels: en, ru or fr")
        ("entity", po::value(&options.entity)->value_name("NAME"),
         "print the dossier of a person or organisation")
        ("explain", po::bool_switch(&options.explain), "say which form of each query word each result met")
        ("since", po::value(&options.since)->value_name("DATE"),
         "only documents dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
        ("until", po::value(&options.until)->value_name("DATE"), "only documents dated on or before DATE")
        ("sort", po::value(&options.sort)->default_value("relevance"),
         "relevance, or date (newest first; undated last)")
        ("format", po::value(&options.format)->value_name("F"),
         "text (default), json, or jsonl / csv: every match, not one page, with its entities");
    po::options_description hidden;
    hidden.add_options()("word", po::value(&options.words));
    switch (agora::parse_command_line(argc, argv, "agora-search", kUsage, visible, hidden, "word")) {
        case agora::CommandLine::help_shown: return kExitOk;
        case agora::CommandLine::invalid: return kExitFatal;
        case agora::CommandLine::run: break;
    }
    if (!options.format.empty()) {
        if (options.format == "json") {
            options.json = true;
        } else if (options.format != "text" && options.format != "jsonl" && options.format != "csv") {
            std::cerr << "agora-search: --format " << options.format << ": expected text, json, jsonl or csv\n";
            return kExitFatal;
        }
    }
    const bool exporting = options.format == "jsonl" || options.format == "csv";
    agora::SearchRequest request;
    request.limit = options.limit;
    request.offset = options.offset;
    request.countries = options.countries;
    request.about = options.about;
    request.persons = options.persons;
    request.organisations = options.organisations;
    request.facets = !options.no_facets && (options.facets || options.json || options.batch);
    request.exact_total = !options.estimate_total;
    request.facet_limit = options.facet_limit;
    request.explain = options.explain;
    if (options.sort == "date") {
        request.sort = agora::SearchRequest::Sort::date;
    } else if (options.sort != "relevance") {
        std::cerr << "agora-search: --sort " << options.sort << ": expected relevance or date\n";
        return kExitFatal;
    }
    for (auto [name, text, upper, out] : {std::tuple{"--since", &options.since, false, &request.since},
                                          std::tuple{"--until", &options.until, true, &request.until}}) {
        if (text->empty()) continue;
        const auto bound = agora::date_bound(*text, upper);
        if (!bound) {
            std::cerr << "agora-search: " << name << " " << *text << ": expected a date as YYYY, YYYY-MM or YYYY-MM-DD\n";
            return kExitFatal;
        }
        *out = *bound;
    }
    request.ui = agora::parse_lang(options.ui_lang);
    if (request.ui == agora::Lang::unknown) {
        std::cerr << "agora-search: --ui-lang " << options.ui_lang << ": expected en, ru or fr\n";
        return kExitFatal;
    }
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
    const bool filtered = !options.countries.empty() || !options.about.empty() || !options.persons.empty() ||
                          !options.organisations.empty() || !options.since.empty() || !options.until.empty();
    if (!options.batch && options.words.empty() && options.entity.empty() && !filtered) {
        std::cerr << "agora-search: no query given\n" << kUsage;
        return kExitFatal;
    }

    agora::SearchOpenOptions open_options;
    open_options.allow_partial = options.allow_partial;
    open_options.parallel_count = !options.one_thread;
    agora::Searcher searcher(agora::resolve_db_path(options.db), open_options);
    // With --allow-partial, a shard that did not answer is named on standard error too, so that a
    // script reading JSON (or an export) notices the results are partial.
    const auto warn_partial = [&searcher] {
        for (const agora::UnavailableShard& shard : searcher.unavailable_shards()) {
            std::cerr << "agora-search: warning: shard unavailable, results are from the others: "
                      << shard.label << ": " << shard.reason << "\n";
        }
    };
    if (!options.entity.empty()) {
        const agora::Dossier dossier = searcher.dossier(options.entity, options.limit, request.ui);
        if (options.json) {
            std::cout << agora::dump_json(agora::dossier_to_json(dossier)) << "\n";
        } else if (!dossier.found) {
            std::cout << "No person or organisation called \"" << options.entity << "\" in the index.\n";
        } else {
            print_dossier(dossier, isatty(STDOUT_FILENO));
        }
        warn_partial();
        return dossier.found ? kExitOk : kExitNoMatch;
    }
    if (options.batch) {
        std::string line;
        while (std::getline(std::cin, line)) {
            request.query = line;
            const agora::SearchResponse response = searcher.search(request);
            nlohmann::json j = agora::response_to_json(response);
            j["took_ms"] = response.took_ms;
            std::cout << agora::dump_json(j) << "\n";
        }
        warn_partial();
        return kExitOk;
    }
    for (const std::string& word : options.words) {
        if (!request.query.empty()) request.query += ' ';
        request.query += word;
    }
    if (exporting) {
        const bool csv = options.format == "csv";
        if (csv) std::cout << "rank,id,path,article,page,title,lang,date,url,score,about,countries,persons,organisations,snippet\r\n";
        const std::size_t n = searcher.for_each_match(request, true, [&](const agora::SearchResult& r) {
            if (!csv) {
                std::cout << agora::dump_json(agora::result_to_json(r, false)) << "\n";
                return;
            }
            std::cout << r.rank << ',' << csv_field(r.id) << ',' << csv_field(r.path) << ','
                      << (r.article > 0 ? std::to_string(r.article) : "") << ','
                      << (r.page > 0 ? std::to_string(r.page) : "") << ',' << csv_field(r.title) << ','
                      << r.lang << ',' << r.date << ',' << csv_field(r.url) << ',' << r.score << ','
                      << r.about << ',' << list_field(r.countries) << ',' << list_field(r.persons) << ','
                      << list_field(r.organisations) << ',' << csv_field(r.snippet.plain()) << "\r\n";
        });
        warn_partial();
        return n > 0 ? kExitOk : kExitNoMatch;
    }
    const agora::SearchResponse response = searcher.search(request);
    if (options.json) {
        std::cout << agora::dump_json(agora::response_to_json(response)) << "\n";
    } else {
        print_text(response, isatty(STDOUT_FILENO));
    }
    if (options.json) warn_partial();  // the text output says it in its notes already
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
