/** @file
 *  @brief agora-index: options → core Indexer → summary and exit status.
 */
#include "agora/index/indexer.h"
#include "agora/util/db_path.h"

#include "agora/util/command_line.h"

#include <boost/program_options.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;  // indexed, but some input was rejected
constexpr int kExitFatal = 2;     // nothing done: bad options, index unusable, write failed
constexpr double kProgressInterval = 0.5;  // seconds between progress line updates

struct Options {
    std::string db;
    std::vector<std::string> inputs;
    bool prune = false;
    bool rebuild = false;
    bool no_spelling = false;
    bool quiet = false;
    bool compact = false;
    unsigned shards = 0;
    unsigned jobs = 0;
    std::string entities;
    std::vector<std::string> include, exclude;
};

const char* const kUsage =
    "Usage: agora-index [--db DIR] [--shards N] [--jobs J] [--prune] [--entities FILE.json]\n"
    "                   [--include GLOB] [--exclude GLOB] PATH...\n"
    "       agora-index --db DIR --compact\n"
    "Index report files and folders (.txt .md .html .htm .jsonl .pdf) into an Agora index.\n"
    "Unchanged files are skipped; changed files replace their documents.\n\n"
    "Examples:\n"
    "  agora-index corpus/\n"
    "  agora-index --db /srv/agora/index --prune reports/ extra/statement.html\n"
    "  agora-index --db /srv/agora/index --shards 4 --jobs 4 archive/\n"
    "  agora-index --db /srv/agora/index --compact\n";

std::string mib(std::uint64_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
    return buffer;
}

}  // namespace

int main(int argc, char** argv) try {
    Options options;
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("db", po::value(&options.db),
         "index folder (default: $AGORA_DB, else $XDG_DATA_HOME/agora/index)")
        ("rebuild", po::bool_switch(&options.rebuild),
         "empty the index first and build it afresh (after an upgrade of Agora's index format, say)")
        ("shards", po::value(&options.shards)->value_name("N"),
         "spread a new index over N shard databases under DIR, listed by DIR/agora.stub (search "
         "opens DIR as before); an existing sharded index keeps its count unless --rebuild")
        ("jobs,j", po::value(&options.jobs)->value_name("J"),
         "read and analyse J sources at once (default: one per core)")
        ("compact", po::bool_switch(&options.compact),
         "merge the shards of DIR into one database with Xapian's compactor (takes no PATH)")
        ("prune", po::bool_switch(&options.prune),
         "delete documents whose source file no longer exists")
        ("no-spelling", po::bool_switch(&options.no_spelling),
         "do not build spelling data (\"did you mean\"): faster indexing of large archives")
        ("entities", po::value(&options.entities)->value_name("FILE"),
         "JSON list of known persons and organisations with their aliases, recognised in every "
         "document: [{\"name\": ..., \"kind\": \"person\"|\"organisation\", \"aliases\": [...]}]")
        ("include", po::value(&options.include)->composing()->value_name("GLOB"),
         "take only files matching this pattern (name, or path under the folder when it has a '/'; "
         "repeatable)")
        ("exclude", po::value(&options.exclude)->composing()->value_name("GLOB"),
         "skip files and folders matching this pattern (repeatable)")
        ("quiet,q", po::bool_switch(&options.quiet), "print only rejections and errors");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&options.inputs));
    switch (agora::parse_command_line(argc, argv, "agora-index", kUsage, visible, hidden, "input")) {
        case agora::CommandLine::help_shown: return kExitOk;
        case agora::CommandLine::invalid: return kExitFatal;
        case agora::CommandLine::run: break;
    }
    const std::string db_path = agora::resolve_db_path(options.db);
    if (options.compact) {
        if (!options.inputs.empty() || options.prune || options.rebuild || options.shards) {
            std::cerr << "agora-index: --compact takes no PATH, --prune, --rebuild or --shards\n";
            return kExitFatal;
        }
        const auto started = std::chrono::steady_clock::now();
        const Xapian::doccount documents = agora::compact_index(db_path);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!options.quiet) {
            std::cerr << "agora-index: " << db_path << ": shards merged into one database; " << documents
                      << " documents in " << seconds << " s\n";
        }
        return kExitOk;
    }
    if (options.shards > 1024) {
        std::cerr << "agora-index: --shards must be from 1 to 1024\n";
        return kExitFatal;
    }
    if (options.jobs > 256) {
        std::cerr << "agora-index: --jobs must be from 1 to 256\n";
        return kExitFatal;
    }
    if (options.inputs.empty() && !options.prune) {
        std::cerr << "agora-index: no file or folder given\n" << kUsage;
        return kExitFatal;
    }

    agora::IndexOptions run_options;
    run_options.walk.include = options.include;
    run_options.walk.exclude = options.exclude;
    if (!options.entities.empty()) run_options.known_entities = agora::load_known_entities(options.entities);
    agora::Indexer indexer(db_path, agora::IndexSetup{options.rebuild, options.shards});
    run_options.jobs = options.jobs;
    run_options.prune = options.prune;
    run_options.spelling = !options.no_spelling;
    const bool terminal = isatty(STDERR_FILENO) && !options.quiet;
    const auto started = std::chrono::steady_clock::now();
    auto last_progress = started;
    run_options.on_diagnostic = [&](const agora::Diagnostic& d) {
        if (options.quiet && d.severity == agora::Severity::warning) return;
        if (terminal) std::cerr << "\r\x1b[K";
        std::cerr << "agora-index: " << (d.severity == agora::Severity::warning ? "warning: " : "rejected: ")
                  << d.to_string() << "\n";
    };
    run_options.on_progress = [&](const agora::IndexProgress& p) {
        if (!terminal) return;
        const auto now = std::chrono::steady_clock::now();
        if (std::chrono::duration<double>(now - last_progress).count() < kProgressInterval &&
            p.files_done != p.files_total) {
            return;
        }
        last_progress = now;
        std::cerr << "\r\x1b[K" << p.files_done << "/" << p.files_total << " files, " << p.documents
                  << " documents, " << mib(p.bytes) << std::flush;
    };

    const agora::IndexSummary s = indexer.run(options.inputs, run_options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (terminal) std::cerr << "\r\x1b[K";
    if (!options.quiet) {
        std::cerr << "agora-index: " << db_path;
        if (indexer.shard_count() > 1) std::cerr << " (" << indexer.shard_count() << " shards)";
        std::cerr << ": " << s.files << " files (" << s.files_indexed
                  << " indexed, " << s.files_unchanged << " unchanged, " << s.files_rejected
                  << " rejected), " << s.documents_added << " documents written, "
                  << s.documents_removed << " replaced or removed";
        if (options.prune) std::cerr << ", " << s.sources_pruned << " sources pruned";
        std::cerr << "; " << s.total_documents << " documents in the index; " << mib(s.bytes) << " in "
                  << seconds << " s";
        if (s.warnings || s.rejections) {
            std::cerr << "; " << s.warnings << " warnings, " << s.rejections << " rejections";
        }
        std::cerr << "\n";
    }
    return s.rejections > 0 ? kExitRejected : kExitOk;
} catch (const agora::IndexOpenError& e) {
    std::cerr << "agora-index: " << e.what() << "\n";
    return kExitFatal;
} catch (const Xapian::Error& e) {
    std::cerr << "agora-index: index write failed (" << e.get_description()
              << "); the index keeps its last committed state\n";
    return kExitFatal;
} catch (const std::exception& e) {
    std::cerr << "agora-index: " << e.what() << "\n";
    return kExitFatal;
}
