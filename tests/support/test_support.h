/** @file
 *  @brief Shared test helpers: analyser assertions, temporary folders, running the programs.
 */
#pragma once

#include "agora/analysis/analyzer.h"

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace agora::test {

/// Terms of @p text analysed as a document in @p lang, in order.
std::vector<std::string> document_terms(std::string_view text, Lang lang = Lang::unknown);

/// Index-side stems of @p text analysed as a document in @p lang, in order.
std::vector<std::string> document_stems(std::string_view text, Lang lang);

/// Checks (with Catch2) that @p text analyses to exactly @p terms: Lucene's assertAnalyzesTo.
void assert_analyzes_to(std::string_view text, const std::vector<std::string>& terms,
                        Lang lang = Lang::unknown);

/// A fresh folder under the system temporary folder, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// Writes @p content to @p path, creating parent folders.
void write_file(const std::filesystem::path& path, std::string_view content);

/// What a program printed and returned.
struct RunResult {
    int status = -1;  ///< exit status, or -1 when killed by a signal
    std::string out;
    std::string err;
};

/// Runs @p argv (no shell) with @p input on standard input and the extra @p env entries ("K=V").
RunResult run_program(const std::vector<std::string>& argv, const std::string& input = {},
                      const std::vector<std::string>& env = {});

/// Path of a fixture file.
std::filesystem::path fixture(const std::string& relative);

/// Absolute path of the program @p name found on PATH, or empty when it is not installed.
std::string find_program(const std::string& name);

/// A program running in the background, its output collected. The destructor kills (SIGKILL) and
/// reaps it if it still runs, so a failing test leaves no process behind.
class BackgroundProgram {
public:
    /// Starts @p argv (no shell) with standard input from /dev/null and the extra @p env entries.
    /// With @p own_group, the program leads a process group of its own: send_group() and the
    /// destructor then reach the children it forks too (a server's per-connection processes).
    explicit BackgroundProgram(const std::vector<std::string>& argv,
                               const std::vector<std::string>& env = {}, bool own_group = false);
    ~BackgroundProgram();
    BackgroundProgram(const BackgroundProgram&) = delete;
    BackgroundProgram& operator=(const BackgroundProgram&) = delete;

    /// Waits at most @p timeout for the program to end; true when it has ended (and is reaped).
    bool wait_for(std::chrono::milliseconds timeout);
    /// Sends @p signal, unless the program has already been reaped (its pid may be reused).
    void send(int signal);
    /// Sends @p signal to the program's process group (own_group), children included.
    void send_group(int signal);
    /// Stops the program (SIGSTOP) and waits until it is stopped; false when it ended first.
    bool stop();
    /// Waits for the end; exit status (-1 when killed by a signal) and everything it printed.
    RunResult finish();
    /// The signal that ended the program, 0 when it exited or still runs.
    int end_signal() const { return end_signal_; }

private:
    void reaped(int wait_status);

    pid_t pid_ = -1;
    bool own_group_ = false;
    bool ended_ = false;
    int status_ = -1;
    int end_signal_ = 0;
    std::string out_;
    std::string err_;
    std::thread out_reader_;
    std::thread err_reader_;
};

/// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice for port 0).
int free_port();

/// Waits at most @p timeout until something accepts connections on 127.0.0.1:@p port.
bool wait_for_port(int port, std::chrono::milliseconds timeout);

/// Shape of a generated collection of reports (see write_collection).
struct CollectionSpec {
    unsigned seed = 1;
    std::size_t jsonl_files = 60;
    std::size_t records_per_file = 200;
    std::size_t text_pages = 20;
    std::size_t articles_per_page = 5;
    /// A made-up word every document holds once, so that a query for it counts the documents.
    std::string marker = "zorblax";
};

/// Writes a seeded collection of reports in English, French and Russian under @p folder: JSONL
/// files of records and, in a subfolder, text pages of `•` articles. Returns the number of
/// documents it makes. The same spec always writes the same bytes (with one standard library).
std::size_t write_collection(const std::filesystem::path& folder, const CollectionSpec& spec);

/// Writes @p records (JSON objects, one a record) as `dir/in/records.jsonl`, indexes that folder
/// into `dir/db` and returns the index's path: the small fixture collections tests search.
std::string index_records(const std::filesystem::path& dir, const std::vector<std::string>& records);

/// Every unique document id of the index at @p db (its `Q` terms, without the prefix).
std::set<std::string> unique_ids(const std::string& db);

}  // namespace agora::test
