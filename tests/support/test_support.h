/** @file
 *  @brief Shared test helpers: analyser assertions, temporary folders, running the programs.
 */
#pragma once

#include "agora/analysis/analyzer.h"

#include <filesystem>
#include <string>
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

}  // namespace agora::test
