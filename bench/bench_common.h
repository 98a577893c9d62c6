/** @file
 *  @brief What the benchmark's reference engines (agora-bench-xapian, agora-bench-sqlite) share:
 *  reading the generated JSONL records, and their `COMMAND --db DIR [INPUT...]` command line.
 */
#pragma once

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace agora::bench {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Exit codes, as agora-index uses them.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeRejected = 1;
inline constexpr int kExitFatal = 2;

/// @p j on one line, invalid UTF-8 replaced (what the engines print and store).
inline std::string json_text(const OrderedJson& j) {
    return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

/// A record's field as text: strings as they are, other JSON values dumped, missing or null empty.
inline std::string field(const Json& record, const char* key) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

/// Expands folders into their *.jsonl files (sorted), keeps files as given.
inline std::vector<fs::path> input_files(const std::vector<std::string>& args) {
    std::vector<fs::path> files;
    for (const std::string& a : args) {
        const fs::path p(a);
        if (fs::is_directory(p)) {
            std::vector<fs::path> found;
            for (const auto& e : fs::recursive_directory_iterator(p))
                if (e.is_regular_file() && e.path().extension() == ".jsonl")
                    found.push_back(e.path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(p);
        }
    }
    return files;
}

/// Calls @p record for every JSON object line of the JSONL files and folders in @p args, with its
/// file and line number. An unreadable file or a line that is not an object is reported on stderr
/// (prefixed with @p program) and counted; blank lines are skipped. Returns the count.
inline std::uint64_t for_each_record(
    const std::vector<std::string>& args, const std::string& program,
    const std::function<void(const Json&, const fs::path&, std::uint64_t)>& record) {
    std::uint64_t rejected = 0;
    for (const fs::path& file : input_files(args)) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << program << ": " << file.string() << ": cannot read\n";
            ++rejected;
            continue;
        }
        std::string line;
        std::uint64_t number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            const Json parsed = Json::parse(line, nullptr, false);
            if (parsed.is_discarded() || !parsed.is_object()) {
                std::cerr << program << ": " << file.string() << ":" << number
                          << ": not a JSON object, skipped\n";
                ++rejected;
                continue;
            }
            record(parsed, file, number);
        }
    }
    return rejected;
}

/// The command line `PROGRAM index|search --db DIR [OPTIONS] [INPUT...]`.
struct CommandLine {
    std::string command;
    std::string db;
    std::vector<std::string> inputs;
    po::variables_map options;
};

/// Parses the command line with @p desc (which must not declare `db`); prints the help and returns
/// false, with the exit code in @p exit_code, when there is nothing to run. Throws on bad options,
/// a missing --db, and a search given inputs or without --batch (`batch` must be in @p desc).
inline bool parse_command_line(int argc, char** argv, po::options_description& desc, CommandLine& out,
                               int& exit_code) {
    desc.add_options()("db", po::value(&out.db), "database folder");
    po::options_description hidden;
    hidden.add_options()("command", po::value(&out.command))("input", po::value(&out.inputs)->composing());
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description positional;
    positional.add("command", 1).add("input", -1);
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), out.options);
    if (out.options.count("help") > 0 || argc < 2) {
        std::cout << desc << '\n';
        exit_code = out.options.count("help") > 0 ? kExitOk : kExitFatal;
        return false;
    }
    po::notify(out.options);
    if (out.db.empty()) throw std::invalid_argument("--db DIR is required");
    if (out.command == "search") {
        if (out.options.count("batch") == 0) throw std::invalid_argument("search needs --batch");
        if (!out.inputs.empty()) throw std::invalid_argument("search takes its queries on stdin");
    } else if (out.command != "index") {
        throw std::invalid_argument("unknown command \"" + out.command + "\" (index or search)");
    }
    return true;
}

}  // namespace agora::bench
