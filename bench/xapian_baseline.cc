/** @file @brief agora-bench-xapian: Xapian's stock pipeline, the benchmark baseline.
 *
 *  TermGenerator, QueryParser, BM25 and MSet::snippet, set up as Omega sets them up.
 *
 *  `agora-bench-xapian index --db DIR FILE_OR_FOLDER...` indexes JSONL records
 *  ({"id","title","text","date","lang"}) the way Omega would: a stemmer per record language,
 *  STEM_SOME, positions, the title once with prefix "S" and once unprefixed with wdf_inc 5,
 *  boolean terms "L"+lang and "Q"+id, the record as JSON document data, a commit every 2000
 *  documents.
 *
 *  `agora-bench-xapian search --db DIR --batch` reads queries from stdin, one a line, and prints
 *  one JSON object a line: {"query": q, "total": n, "took_ms": t}, where t covers parsing,
 *  matching the top 10 and building their snippets.
 */

#include "bench_common.h"

#include <xapian.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace po = boost::program_options;
using namespace agora::bench;

namespace {

constexpr Xapian::doccount kCommitEvery = 2000;
constexpr Xapian::termcount kTitleWdfInc = 5;
constexpr Xapian::doccount kTopHits = 10;
constexpr std::size_t kSnippetBytes = 200;
constexpr std::string_view kTitlePrefix = "S";
constexpr std::string_view kLanguagePrefix = "L";
constexpr std::string_view kUniquePrefix = "Q";
/// Xapian refuses terms longer than this (bytes, prefix included); longer ids are cut.
constexpr std::size_t kMaxTermBytes = 240;
constexpr const char* kDefaultQueryStemmer = "english";

/// Xapian stemmer name for a record's language code ("" → no stemming).
std::string stemmer_name(const std::string& lang) {
    static const std::map<std::string, std::string> kNames = {
        {"en", "english"}, {"ru", "russian"}, {"fr", "french"}};
    const auto it = kNames.find(lang);
    return it != kNames.end() ? it->second : lang;
}

/// Stemmers by language, created once; an unknown language gets the no-op stemmer.
class StemmerCache {
  public:
    const Xapian::Stem& get(const std::string& lang) {
        auto it = cache_.find(lang);
        if (it == cache_.end()) {
            Xapian::Stem stem;
            try {
                if (!lang.empty()) stem = Xapian::Stem(stemmer_name(lang));
            } catch (const Xapian::InvalidArgumentError&) {
                std::cerr << "agora-bench-xapian: no stemmer for language \"" << lang
                          << "\", indexing unstemmed\n";
            }
            it = cache_.emplace(lang, stem).first;
        }
        return it->second;
    }

  private:
    std::map<std::string, Xapian::Stem> cache_;
};

int run_index(const std::string& db_path, const std::vector<std::string>& args) {
    if (args.empty()) throw std::invalid_argument("index: no input files given");
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator indexer;
    indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    StemmerCache stemmers;

    std::uint64_t indexed = 0, since_commit = 0;
    const std::uint64_t rejected = for_each_record(args, "agora-bench-xapian",
        [&](const Json& record, const fs::path& file, std::uint64_t number) {
            const std::string title = field(record, "title");
            const std::string text = field(record, "text");
            const std::string lang = field(record, "lang");
            std::string id = field(record, "id");
            if (id.empty()) id = file.string() + ":" + std::to_string(number);

            Xapian::Document doc;
            indexer.set_document(doc);
            indexer.set_stemmer(stemmers.get(lang));
            indexer.index_text(title, 1, std::string(kTitlePrefix));
            indexer.increase_termpos();
            indexer.index_text(title, kTitleWdfInc);
            indexer.increase_termpos();
            indexer.index_text(text);
            if (!lang.empty()) doc.add_boolean_term(std::string(kLanguagePrefix) + lang);
            std::string unique = std::string(kUniquePrefix) + id;
            if (unique.size() > kMaxTermBytes) unique.resize(kMaxTermBytes);
            doc.add_boolean_term(unique);
            doc.set_data(json_text(OrderedJson{
                {"title", title}, {"text", text}, {"lang", lang}, {"date", field(record, "date")}}));
            db.replace_document(unique, doc);
            ++indexed;
            if (++since_commit == kCommitEvery) {
                db.commit();
                since_commit = 0;
            }
        });
    db.commit();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "agora-bench-xapian: indexed " << indexed << " documents (" << rejected
              << " rejected) into " << db_path << " in " << seconds << " s; " << db.get_doccount()
              << " documents in the database\n";
    return rejected > 0 ? kExitSomeRejected : kExitOk;
}

/// `--stemmer auto`: Cyrillic → russian; French letters or elisions → french; else english.
/// A crude guess, good enough for the benchmark's queries (Xapian itself has none).
std::string guess_query_stemmer(const std::string& q) {
    static const std::vector<std::string> kFrenchMarks = {
        "é", "è", "ê",  "ë",  "à",   "â",  "ç",       "î",       "ï",        "ô",      "û",
        "ù", "œ", "l'", "d'", "qu'", "n'", "l\u2019", "d\u2019", "qu\u2019", "n\u2019"};
    for (std::size_t i = 0; i + 1 < q.size(); ++i) {
        const auto b = static_cast<unsigned char>(q[i]);
        if (b == 0xD0 || b == 0xD1) return "russian";  // lead bytes of U+0400..U+047F
    }
    std::string lower = q;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const std::string& m : kFrenchMarks)
        if (lower.find(m) != std::string::npos) return "french";
    return "english";
}

/// The body text of a hit, from the JSON document data.
std::string stored_text(const Xapian::Document& doc) {
    const Json data = Json::parse(doc.get_data(), nullptr, false);
    if (data.is_discarded() || !data.is_object()) return {};
    return field(data, "text");
}

int run_search(const std::string& db_path, const std::string& stemmer, bool with_results) {
    Xapian::Database db(db_path);
    Xapian::QueryParser parser;
    const bool auto_stem = stemmer == "auto";
    std::map<std::string, Xapian::Stem> auto_stems;
    Xapian::Stem stem(auto_stem ? std::string("none") : stemmer);
    parser.set_stemmer(stem);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.set_database(db);
    parser.add_prefix("title", std::string(kTitlePrefix));
    parser.add_boolean_prefix("lang", std::string(kLanguagePrefix));
    constexpr unsigned kFlags =
        Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE |
        Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE;
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());

    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const auto start = std::chrono::steady_clock::now();
        if (auto_stem) {
            const std::string name = guess_query_stemmer(line);
            auto it = auto_stems.find(name);
            if (it == auto_stems.end()) it = auto_stems.emplace(name, Xapian::Stem(name)).first;
            stem = it->second;
            parser.set_stemmer(stem);
        }
        Xapian::Query query;
        try {
            query = parser.parse_query(line, kFlags);
        } catch (const Xapian::QueryParserError&) {
            query = parser.parse_query(line, 0);
        }
        enquire.set_query(query);
        const Xapian::MSet mset = enquire.get_mset(0, kTopHits);
        OrderedJson results = OrderedJson::array();
        std::size_t snippet_bytes = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const Xapian::Document doc = it.get_document();
            const std::string snippet = mset.snippet(stored_text(doc), kSnippetBytes, stem);
            snippet_bytes += snippet.size();
            if (with_results) results.push_back({{"docid", *it}, {"snippet", snippet}});
        }
        const double took_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        OrderedJson out{
            {"query", line}, {"total", mset.get_matches_estimated()}, {"took_ms", took_ms}};
        if (with_results) {
            out["results"] = results;
            out["snippet_bytes"] = snippet_bytes;
        }
        std::cout << json_text(out) << '\n';
    }
    std::cout.flush();
    return std::cout ? kExitOk : kExitFatal;
}

}  // namespace

int main(int argc, char** argv) try {
    std::string stemmer = kDefaultQueryStemmer;
    po::options_description desc(
        "agora-bench-xapian: Xapian's stock pipeline, the baseline of Agora's benchmark\n\n"
        "  agora-bench-xapian index --db DIR FILE_OR_FOLDER...   index JSONL records\n"
        "  agora-bench-xapian search --db DIR --batch < queries   one JSON line per query\n\n"
        "Options");
    desc.add_options()("help,h", "show this help")(
        "batch", "search: read queries from stdin, one a line")(
        "stemmer", po::value(&stemmer)->default_value(kDefaultQueryStemmer),
        "search: QueryParser stemmer: a Xapian stemmer name, \"none\", or \"auto\" (guess "
        "russian/french/english from each query's letters)")(
        "results", "search: also print each hit's docid and snippet");
    CommandLine cl;
    int exit_code = kExitOk;
    if (!parse_command_line(argc, argv, desc, cl, exit_code)) return exit_code;
    if (cl.command == "index") return run_index(cl.db, cl.inputs);
    return run_search(cl.db, stemmer, cl.options.count("results") > 0);
} catch (const Xapian::Error& e) {
    std::cerr << "agora-bench-xapian: " << e.get_description() << '\n';
    return kExitFatal;
} catch (const std::exception& e) {
    std::cerr << "agora-bench-xapian: " << e.what() << '\n';
    return kExitFatal;
}
