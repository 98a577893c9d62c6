/** @file
 *  @brief agora-bench-entities: precision and recall of entity recognition against annotated
 *         documents, per language and kind, as a Markdown table.
 *
 *  Each fixture is a JSON file {"lang", "title", "text", "gold": {"person": [{"name", "aliases"}],
 *  "organisation": [...], "country": [codes]}} (see tests/fixtures/entities/README.md). Scoring is per
 *  document, over distinct entities, which is what facets count: a found entity is right when its key,
 *  or the key of any form it was written in, is the key of a gold entity's name or alias.
 */
#include "agora/analysis/analyzer.h"
#include "agora/entities/extractor.h"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

struct Score {
    std::size_t found = 0, right = 0;     // precision: found entities, of which right
    std::size_t gold = 0, recalled = 0;   // recall: gold entities, of which found
    void add(const Score& o) {
        found += o.found;
        right += o.right;
        gold += o.gold;
        recalled += o.recalled;
    }
};

using GoldSet = std::vector<std::set<std::string>>;  // per gold entity: its keys

std::string ratio(std::size_t a, std::size_t b) {
    if (b == 0) return "–";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.3f", static_cast<double>(a) / static_cast<double>(b));
    return buffer;
}

class Evaluator {
public:
    explicit Evaluator(bool verbose) : extractor_(analyzer_), verbose_(verbose) {}

    // Keys of a person or organisation name as the extractor would make them.
    std::string key_of(agora::EntityKind kind, const std::string& name) {
        return kind == agora::EntityKind::person ? extractor_.keyer().name_key(name) : extractor_.org_key(name);
    }

    std::map<std::string, Score> run_file(const fs::path& path, std::string& lang) {
        std::ifstream in(path);
        const nlohmann::json doc = nlohmann::json::parse(in);
        lang = doc.at("lang").get<std::string>();
        const std::string text = doc.at("text").get<std::string>();
        const std::string title = doc.value("title", std::string());
        tokens_.clear();
        const agora::Lang text_lang = analyzer_.analyze(text, agora::parse_lang(lang), tokens_);
        title_tokens_.clear();
        analyzer_.analyze(title, text_lang, title_tokens_);
        const agora::ArticleEntities found = extractor_.extract(title, title_tokens_, text, tokens_);

        std::map<std::string, Score> scores;
        const nlohmann::json& gold = doc.at("gold");
        // Countries: sets of codes.
        {
            std::set<std::string> expected;
            for (const auto& c : gold.value("country", nlohmann::json::array())) expected.insert(c.get<std::string>());
            Score& s = scores["country"];
            s.gold = expected.size();
            std::set<std::string> got;
            for (const agora::DocEntity& e : found.countries) got.insert(e.key);
            s.found = got.size();
            for (const std::string& code : got) {
                if (expected.count(code)) ++s.right;
                else report(path, "country", "extra", code);
            }
            for (const std::string& code : expected) {
                if (got.count(code)) ++s.recalled;
                else report(path, "country", "missed", code);
            }
        }
        score_names(path, agora::EntityKind::person, gold.value("person", nlohmann::json::array()),
                    found.persons, scores["person"]);
        score_names(path, agora::EntityKind::organisation, gold.value("organisation", nlohmann::json::array()),
                    found.organisations, scores["organisation"]);
        return scores;
    }

private:
    void report(const fs::path& path, const char* kind, const char* what, const std::string& name) {
        if (verbose_) std::cerr << path.filename().string() << ": " << kind << " " << what << ": " << name << "\n";
    }

    void score_names(const fs::path& path, agora::EntityKind kind, const nlohmann::json& gold_list,
                     const std::vector<agora::DocEntity>& found, Score& s) {
        GoldSet gold;
        std::vector<std::string> gold_names;
        for (const auto& g : gold_list) {
            std::set<std::string> keys;
            const std::string name = g.at("name").get<std::string>();
            keys.insert(key_of(kind, name));
            for (const auto& a : g.value("aliases", nlohmann::json::array())) keys.insert(key_of(kind, a.get<std::string>()));
            keys.erase(std::string());
            gold.push_back(std::move(keys));
            gold_names.push_back(name);
        }
        s.gold = gold.size();
        s.found = found.size();
        std::vector<bool> recalled(gold.size());
        for (const agora::DocEntity& e : found) {
            std::set<std::string> keys{e.key};
            for (const std::string& form : e.forms) keys.insert(key_of(kind, form));
            bool right = false;
            for (std::size_t i = 0; i < gold.size(); ++i) {
                const bool meets = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return gold[i].count(k) > 0; });
                if (meets) {
                    right = true;
                    recalled[i] = true;
                }
            }
            if (right) ++s.right;
            else report(path, agora::kind_name(kind).data(), "extra", e.display);
        }
        for (std::size_t i = 0; i < gold.size(); ++i) {
            if (recalled[i]) ++s.recalled;
            else report(path, agora::kind_name(kind).data(), "missed", gold_names[i]);
        }
    }

    agora::Analyzer analyzer_;
    agora::EntityExtractor extractor_;
    std::vector<agora::Token> tokens_;
    std::vector<agora::Token> title_tokens_;
    bool verbose_;
};

}  // namespace

int main(int argc, char** argv) try {
    std::vector<std::string> folders;
    bool verbose = false;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("verbose,v", po::bool_switch(&verbose), "list every missed and extra entity on stderr")
        ("folder", po::value(&folders)->composing(), "folder of annotated JSON documents (repeatable)");
    po::positional_options_description positional;
    positional.add("folder", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help") || folders.empty()) {
        std::cout << "Usage: agora-bench-entities [-v] FOLDER...\n"
                     "Precision and recall of countries, persons and organisations against annotated documents.\n\n"
                  << options;
        return folders.empty() && !vm.count("help") ? 2 : 0;
    }
    Evaluator evaluator(verbose);
    for (const std::string& folder : folders) {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.path().extension() == ".json") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        std::map<std::string, std::map<std::string, Score>> by_lang;  // lang → kind → score
        std::map<std::string, std::size_t> documents;
        for (const fs::path& file : files) {
            std::string lang;
            for (const auto& [kind, score] : evaluator.run_file(file, lang)) by_lang[lang][kind].add(score);
            ++documents[lang];
        }
        std::cout << "\n" << folder << " (" << files.size() << " documents)\n\n"
                  << "| lang | kind | gold | found | precision | recall |\n|---|---|---:|---:|---:|---:|\n";
        std::map<std::string, Score> all;
        for (const auto& [lang, kinds] : by_lang) {
            for (const char* kind : {"person", "organisation", "country"}) {
                const Score& s = kinds.at(kind);
                all[kind].add(s);
                std::cout << "| " << lang << " | " << kind << " | " << s.gold << " | " << s.found << " | "
                          << ratio(s.right, s.found) << " | " << ratio(s.recalled, s.gold) << " |\n";
            }
        }
        for (const char* kind : {"person", "organisation", "country"}) {
            const Score& s = all[kind];
            std::cout << "| all | " << kind << " | " << s.gold << " | " << s.found << " | " << ratio(s.right, s.found)
                      << " | " << ratio(s.recalled, s.gold) << " |\n";
        }
    }
    return 0;
} catch (const std::exception& e) {
    std::cerr << "agora-bench-entities: " << e.what() << "\n";
    return 2;
}
