/** @file @brief agora-bench-sqlite: SQLite FTS5, a second reference engine for the benchmark.
 *
 *  `agora-bench-sqlite index --db DIR FILE_OR_FOLDER...` reads the same JSONL records as
 *  agora-bench-xapian ({"id","title","text","date","lang"}) into DIR/fts5.sqlite, an FTS5 table
 *  `docs(title, text)` with the unicode61 tokenizer (diacritics removed, so `chomage` finds
 *  `chômage`; no stemming: FTS5 ships none for Russian or French). Rows go in through one
 *  prepared INSERT, in transactions of kRowsPerTransaction rows. The database keeps SQLite's
 *  default rollback journal (journal_mode=DELETE) and synchronous=FULL, so that each transaction
 *  is durable like each commit of the Xapian baseline; the table is not 'optimize'd at the end
 *  (FTS5 merges its segments incrementally, as Xapian does not compact either).
 *
 *  `agora-bench-sqlite search --db DIR --batch` reads queries from stdin, one a line. Plain words
 *  become an AND of FTS5 strings ("word", each quoted so that no character is FTS5 syntax) and a
 *  `"quoted phrase"` an FTS5 phrase; Agora's operators (OR, NOT, -word, prefixes) are not
 *  translated, their words are simply required. The ten best rows by bm25() (title column
 *  weighted kTitleWeight, like Agora's title wdf) are read with their title and an FTS5
 *  snippet() of the text. One JSON object a line: {"query", "total", "hits", "took_ms"}; took_ms
 *  runs from the parse of the line to the last of the ten rows read. "total" (the number of
 *  matching rows) needs a second, full count query; it runs after the clock has stopped, and
 *  --no-count skips it ("total": -1).
 */

#include "bench_common.h"

#include <sqlite3.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace po = boost::program_options;
using namespace agora::bench;

namespace {

constexpr std::string_view kDatabaseFile = "fts5.sqlite";
constexpr std::uint64_t kRowsPerTransaction = 2000;  ///< as the Xapian baseline's commit interval
/// bm25() weight of the title column. FTS5 multiplies a column's term frequency by its weight
/// before the BM25 saturation, which is what Agora's title wdf of 5 does
/// (DocumentBuilder::kTitleWdf): a title word counts as five body words.
constexpr double kTitleWeight = 5.0;
constexpr double kTextWeight = 1.0;
constexpr int kTopHits = 10;
/// Tokens per snippet (FTS5 allows 1..64); about the 200 bytes of the baseline's snippets.
constexpr int kSnippetTokens = 32;


/// Thrown with SQLite's own message when a call fails.
class SqliteError : public std::runtime_error {
  public:
    SqliteError(sqlite3* db, const std::string& what)
        : std::runtime_error(what + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory")) {
    }
};

/// An open database connection, closed on destruction.
class Connection {
  public:
    Connection(const fs::path& path, int flags) {
        const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close(db_);
            db_ = nullptr;
            throw std::runtime_error("cannot open " + path.string() + ": " + message);
        }
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { sqlite3_close(db_); }

    sqlite3* get() const { return db_; }

    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
            sqlite3_free(error);
            throw std::runtime_error(sql + ": " + message);
        }
    }

  private:
    sqlite3* db_ = nullptr;
};

/// A prepared statement, finalized on destruction.
class Statement {
  public:
    Statement(Connection& c, const std::string& sql) : db_(c.get()) {
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
            SQLITE_OK)
            throw SqliteError(db_, "cannot prepare \"" + sql + "\"");
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(stmt_); }

    void bind(int index, std::string_view text) {
        if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                SQLITE_UTF8) != SQLITE_OK)
            throw SqliteError(db_, "cannot bind parameter " + std::to_string(index));
    }
    /// Next row: true while there is one.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw SqliteError(db_, "statement failed");
    }
    std::string_view column(int i) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
        return p != nullptr
                   ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
                   : std::string_view();
    }
    std::int64_t integer(int i) const { return sqlite3_column_int64(stmt_, i); }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

int run_index(const fs::path& dir, const std::vector<std::string>& args) {
    if (args.empty()) throw std::invalid_argument("index: no input files given");
    const auto start = std::chrono::steady_clock::now();
    fs::create_directories(dir);
    const fs::path path = dir / kDatabaseFile;
    // FTS5 has no unique key here: indexing twice would store every record twice.
    if (fs::exists(path))
        throw std::runtime_error(path.string() + " exists already; remove it to index afresh");
    Connection db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec(
        "CREATE VIRTUAL TABLE docs USING fts5(title, text, "
        "tokenize = 'unicode61 remove_diacritics 2')");
    Statement insert(db, "INSERT INTO docs(title, text) VALUES (?1, ?2)");

    std::uint64_t indexed = 0, in_transaction = 0;
    db.exec("BEGIN");
    const std::uint64_t rejected = for_each_record(args, "agora-bench-sqlite",
        [&](const Json& record, const fs::path&, std::uint64_t) {
            insert.bind(1, field(record, "title"));
            insert.bind(2, field(record, "text"));
            insert.step();
            insert.reset();
            ++indexed;
            if (++in_transaction == kRowsPerTransaction) {
                db.exec("COMMIT");
                db.exec("BEGIN");
                in_transaction = 0;
            }
        });
    db.exec("COMMIT");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "agora-bench-sqlite: indexed " << indexed << " documents (" << rejected
              << " rejected) into " << path.string() << " in " << seconds << " s (SQLite "
              << sqlite3_libversion() << ")\n";
    return rejected > 0 ? kExitSomeRejected : kExitOk;
}

/// `word` as an FTS5 string: in double quotes, inner double quotes doubled.
std::string fts5_string(std::string_view word) {
    std::string out = "\"";
    for (const char ch : word) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
    }
    out.push_back('"');
    return out;
}

/// Whether a word has something the tokenizer may keep (an ASCII letter or digit, or any
/// non-ASCII byte); "-" or "&" alone would be an empty FTS5 phrase, which matches nothing.
bool has_token(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char ch) {
        const auto b = static_cast<unsigned char>(ch);
        return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
               (b >= 'A' && b <= 'Z');
    });
}

/// Our query syntax, minimally: words outside quotes → one FTS5 string each; the words of a
/// `"..."` (an unclosed quote runs to the end of the line) → one FTS5 phrase, written as a single
/// FTS5 string (FTS5 reads a string of several tokens as a phrase). All joined by AND.
/// Returns "" when nothing searchable is left.
std::string to_fts5(std::string_view q) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    auto blank = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
    while (i < q.size()) {
        if (blank(q[i])) {
            ++i;
            continue;
        }
        if (q[i] == '"') {
            const std::size_t close = q.find('"', i + 1);
            const std::size_t end = close == std::string_view::npos ? q.size() : close;
            const std::string_view phrase = q.substr(i + 1, end - i - 1);
            if (has_token(phrase)) parts.push_back(fts5_string(phrase));
            i = close == std::string_view::npos ? q.size() : close + 1;
            continue;
        }
        std::size_t end = i;
        while (end < q.size() && !blank(q[end]) && q[end] != '"') ++end;
        const std::string_view word = q.substr(i, end - i);
        if (has_token(word)) parts.push_back(fts5_string(word));
        i = end;
    }
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += " AND ";
        out += p;
    }
    return out;
}

std::string rank_function() {
    // The rank MATCH constraint sets the ranking function of this query, and ORDER BY rank lets
    // FTS5 sort the rows itself, so that snippet() runs for the LIMIT rows only.
    return "bm25(" + std::to_string(kTitleWeight) + ", " + std::to_string(kTextWeight) + ")";
}

int run_search(const fs::path& dir, bool count, bool with_results) {
    const fs::path path = dir / kDatabaseFile;
    if (!fs::exists(path)) throw std::runtime_error("no database at " + path.string());
    Connection db(path, SQLITE_OPEN_READONLY);
    Statement top(db, "SELECT rowid, title, snippet(docs, 1, '<mark>', '</mark>', '…', " +
                          std::to_string(kSnippetTokens) +
                          ") FROM docs WHERE docs MATCH ?1 AND rank MATCH ?2 ORDER BY rank LIMIT " +
                          std::to_string(kTopHits));
    Statement total(db, "SELECT count(*) FROM docs WHERE docs MATCH ?1");
    const std::string rank = rank_function();

    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const auto start = std::chrono::steady_clock::now();
        const std::string expression = to_fts5(line);
        OrderedJson results = OrderedJson::array();
        std::size_t hits = 0, snippet_bytes = 0;
        if (!expression.empty()) {
            top.bind(1, expression);
            top.bind(2, rank);
            while (top.step()) {
                const std::string_view title = top.column(1);
                const std::string_view snippet = top.column(2);
                snippet_bytes += title.size() + snippet.size();
                ++hits;
                if (with_results)
                    results.push_back({{"rowid", top.integer(0)},
                                       {"title", std::string(title)},
                                       {"snippet", std::string(snippet)}});
            }
            top.reset();
        }
        const double took_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        std::int64_t matches = -1;
        if (count) {
            matches = 0;
            if (!expression.empty()) {
                total.bind(1, expression);
                if (total.step()) matches = total.integer(0);
                total.reset();
            }
        }
        OrderedJson out{{"query", line}, {"total", matches}, {"hits", hits}, {"took_ms", took_ms}};
        if (with_results) {
            out["fts5"] = expression;
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
    po::options_description desc(
        "agora-bench-sqlite: SQLite FTS5 (unicode61, bm25, snippet), a reference engine of "
        "Agora's benchmark\n\n"
        "  agora-bench-sqlite index --db DIR FILE_OR_FOLDER...   index JSONL records into "
        "DIR/fts5.sqlite\n"
        "  agora-bench-sqlite search --db DIR --batch < queries   one JSON line per query\n\n"
        "Options");
    desc.add_options()("help,h", "show this help")(
        "batch", "search: read queries from stdin, one a line")(
        "no-count", "search: do not count the matching rows (\"total\": -1)")(
        "results", "search: also print the FTS5 expression and each hit's rowid, title, snippet");
    CommandLine cl;
    int exit_code = kExitOk;
    if (!parse_command_line(argc, argv, desc, cl, exit_code)) return exit_code;
    if (cl.command == "index") return run_index(cl.db, cl.inputs);
    return run_search(cl.db, cl.options.count("no-count") == 0, cl.options.count("results") > 0);
} catch (const std::exception& e) {
    std::cerr << "agora-bench-sqlite: " << e.what() << '\n';
    return kExitFatal;
}
