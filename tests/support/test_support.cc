/** @file
 *  @brief Test helpers.
 */
#include "test_support.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace agora::test {

std::vector<std::string> document_terms(std::string_view text, Lang lang) {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze(text, lang, tokens);
    std::vector<std::string> terms;
    for (const Token& t : tokens) terms.push_back(t.term);
    return terms;
}

std::vector<std::string> document_stems(std::string_view text, Lang lang) {
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.analyze(text, lang, tokens);
    std::vector<std::string> stems;
    for (const Token& t : tokens) stems.push_back(analyzer.stem(t));
    return stems;
}

void assert_analyzes_to(std::string_view text, const std::vector<std::string>& terms, Lang lang) {
    INFO("text: " << text);
    CHECK(document_terms(text, lang) == terms);
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "agora-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

namespace {

std::string read_fd(int fd) {
    std::string data;
    char buffer[65536];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) data.append(buffer, static_cast<std::size_t>(n));
    close(fd);
    return data;
}

}  // namespace

RunResult run_program(const std::vector<std::string>& argv, const std::string& input,
                      const std::vector<std::string>& env) {
    std::signal(SIGPIPE, SIG_IGN);  // a program that stops reading its input must not kill the test
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
        posix_spawn_file_actions_addclose(&actions, fd);
    }
    std::vector<std::string> environment;
    for (char** e = environ; *e; ++e) environment.emplace_back(*e);
    environment.insert(environment.end(), env.begin(), env.end());
    std::vector<char*> c_env, c_argv;
    for (auto& e : environment) c_env.push_back(e.data());
    c_env.push_back(nullptr);
    std::vector<std::string> args = argv;
    for (auto& a : args) c_argv.push_back(a.data());
    c_argv.push_back(nullptr);

    pid_t pid = 0;
    const int rc = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), c_env.data());
    posix_spawn_file_actions_destroy(&actions);
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (rc != 0) {
        close(in_pipe[1]);
        close(out_pipe[0]);
        close(err_pipe[0]);
        throw std::runtime_error("cannot start " + argv[0]);
    }
    std::thread writer([&] {
        std::size_t done = 0;
        while (done < input.size()) {
            const ssize_t n = write(in_pipe[1], input.data() + done, input.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        close(in_pipe[1]);
    });
    RunResult result;
    std::thread err_reader([&] { result.err = read_fd(err_pipe[0]); });
    result.out = read_fd(out_pipe[0]);
    err_reader.join();
    writer.join();
    int status = 0;
    waitpid(pid, &status, 0);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::filesystem::path fixture(const std::string& relative) {
    return std::filesystem::path(AGORA_FIXTURES_DIR) / relative;
}

}  // namespace agora::test
