/** @file
 *  @brief Test helpers.
 */
#include "test_support.h"

#include "agora/index/indexer.h"
#include "agora/schema.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string_view>
#include <thread>

extern char** environ;

// Xapian's exceptions do not derive from std::exception: without this, Catch reports them as
// "Unknown exception".
CATCH_TRANSLATE_EXCEPTION(const Xapian::Error& e) { return e.get_description(); }

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

std::string find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream folders(path ? path : "/usr/bin:/bin");
    for (std::string folder; std::getline(folders, folder, ':');) {
        if (folder.empty()) continue;
        const std::string candidate = folder + "/" + name;
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
}

// ---- BackgroundProgram ----------------------------------------------------------------------

BackgroundProgram::BackgroundProgram(const std::vector<std::string>& argv,
                                     const std::vector<std::string>& env, bool own_group)
    : own_group_(own_group) {
    // Close-on-exec, so that other programs the test starts meanwhile do not inherit the write
    // ends and keep the readers below from ever seeing the end of the output.
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);

    // An entry of env replaces the inherited one of the same name.
    std::vector<std::string> environment;
    for (char** e = environ; *e; ++e) {
        const std::string_view entry(*e);
        const std::size_t equals = entry.find('=');
        const std::string_view name = entry.substr(0, equals == entry.npos ? 0 : equals + 1);
        bool overridden = false;
        for (const std::string& extra : env) {
            overridden = overridden || (!name.empty() && extra.starts_with(name));
        }
        if (!overridden) environment.emplace_back(entry);
    }
    environment.insert(environment.end(), env.begin(), env.end());
    std::vector<char*> c_env, c_argv;
    for (auto& e : environment) c_env.push_back(e.data());
    c_env.push_back(nullptr);
    std::vector<std::string> args = argv;
    for (auto& a : args) c_argv.push_back(a.data());
    c_argv.push_back(nullptr);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    if (own_group) {
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
    }
    const int rc = posix_spawn(&pid_, c_argv[0], &actions, &attributes, c_argv.data(), c_env.data());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (rc != 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        throw std::runtime_error("cannot start " + argv[0]);
    }
    out_reader_ = std::thread([this, fd = out_pipe[0]] { out_ = read_fd(fd); });
    err_reader_ = std::thread([this, fd = err_pipe[0]] { err_ = read_fd(fd); });
}

BackgroundProgram::~BackgroundProgram() {
    if (own_group_ && pid_ > 0) ::kill(-pid_, SIGKILL);  // the children, even when the leader ended
    if (!ended_) {
        ::kill(pid_, SIGKILL);  // also ends a stopped program
        int wait_status = 0;
        while (waitpid(pid_, &wait_status, 0) < 0 && errno == EINTR) {
        }
    }
    if (out_reader_.joinable()) out_reader_.join();
    if (err_reader_.joinable()) err_reader_.join();
}

void BackgroundProgram::reaped(int wait_status) {
    ended_ = true;
    if (WIFEXITED(wait_status)) {
        status_ = WEXITSTATUS(wait_status);
    } else if (WIFSIGNALED(wait_status)) {
        end_signal_ = WTERMSIG(wait_status);
    }
}

bool BackgroundProgram::wait_for(std::chrono::milliseconds timeout) {
    constexpr std::chrono::milliseconds kPoll{5};
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!ended_) {
        int wait_status = 0;
        const pid_t done = waitpid(pid_, &wait_status, WNOHANG);
        if (done == pid_) {
            reaped(wait_status);
            break;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) break;
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(kPoll, deadline - now));
    }
    return ended_;
}

void BackgroundProgram::send(int signal) {
    if (!ended_) ::kill(pid_, signal);
}

void BackgroundProgram::send_group(int signal) {
    if (own_group_ && pid_ > 0) ::kill(-pid_, signal);
}

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        close(fd);
        throw std::runtime_error("could not bind a loopback port");
    }
    close(fd);
    return ntohs(address.sin_port);
}

bool wait_for_port(int port, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) return false;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        const bool up = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        close(fd);
        if (up) return true;
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

bool BackgroundProgram::stop() {
    if (ended_) return false;
    ::kill(pid_, SIGSTOP);
    int wait_status = 0;
    pid_t done = 0;
    while ((done = waitpid(pid_, &wait_status, WUNTRACED)) < 0 && errno == EINTR) {
    }
    if (done == pid_ && WIFSTOPPED(wait_status)) return true;
    if (done == pid_) reaped(wait_status);
    return false;
}

RunResult BackgroundProgram::finish() {
    if (!ended_) {
        int wait_status = 0;
        pid_t done = 0;
        while ((done = waitpid(pid_, &wait_status, 0)) < 0 && errno == EINTR) {
        }
        if (done == pid_) reaped(wait_status);
    }
    if (out_reader_.joinable()) out_reader_.join();
    if (err_reader_.joinable()) err_reader_.join();
    return RunResult{status_, out_, err_};
}

// ---- Generated collections ------------------------------------------------------------------

namespace {

// Words of human-rights reports, function words included so that language detection has
// evidence. Fixed lists: the collection is the same on every machine and every run.
const std::vector<std::string> kEnglishWords = {
    "the", "of", "and", "in", "to", "was", "were", "by", "police", "detained", "journalists",
    "protesters", "court", "prison", "torture", "report", "human", "rights", "freedom",
    "assembly", "expression", "activists", "arrested", "trial", "sentenced", "government",
    "opposition", "election", "violence", "women", "children", "refugees", "lawyers",
    "detention", "peaceful", "authorities", "investigation", "witnesses", "complaint",
    "censorship"};
const std::vector<std::string> kFrenchWords = {
    "le", "la", "les", "des", "et", "dans", "du", "une", "police", "manifestants",
    "journalistes", "tribunal", "prison", "torture", "rapport", "droits", "humains", "liberté",
    "réunion", "expression", "militants", "arrêtés", "procès", "condamnés", "gouvernement",
    "opposition", "élection", "violences", "femmes", "enfants", "réfugiés", "avocats",
    "détention", "pacifiques", "autorités", "enquête", "témoins", "plainte", "censure",
    "l’éducation"};
const std::vector<std::string> kRussianWords = {
    "и", "в", "на", "по", "не", "что", "полиция", "задержала", "журналистов", "протестующих",
    "суд", "тюрьма", "пытки", "доклад", "права", "человека", "свобода", "собраний",
    "выражения", "активисты", "арестованы", "процесс", "приговорены", "правительство",
    "оппозиция", "выборы", "насилие", "женщины", "дети", "беженцы", "адвокаты", "задержание",
    "мирные", "власти", "расследование", "свидетели", "жалоба", "цензура"};

constexpr const char* kBullet = "\xE2\x80\xA2";  // U+2022, opens an article of a text page

struct Language {
    const char* code;
    const std::vector<std::string>* words;
};
const Language kLanguages[] = {{"en", &kEnglishWords}, {"fr", &kFrenchWords},
                               {"ru", &kRussianWords}};

class TextMaker {
public:
    explicit TextMaker(unsigned seed) : rng_(seed) {}

    std::size_t pick(std::size_t low, std::size_t high) {
        return std::uniform_int_distribution<std::size_t>(low, high)(rng_);
    }

    const Language& language() { return kLanguages[pick(0, std::size(kLanguages) - 1)]; }

    std::string words(const Language& lang, std::size_t count) {
        std::string out;
        for (std::size_t i = 0; i < count; ++i) {
            if (!out.empty()) out += ' ';
            out += (*lang.words)[pick(0, lang.words->size() - 1)];
        }
        return out;
    }

    /// Paragraphs of sentences; @p marker goes once into a random paragraph.
    std::vector<std::string> paragraphs(const Language& lang, const std::string& marker) {
        std::vector<std::string> out(pick(1, 4));
        for (std::string& paragraph : out) {
            for (std::size_t sentence = pick(2, 4); sentence > 0; --sentence) {
                if (!paragraph.empty()) paragraph += ' ';
                paragraph += words(lang, pick(6, 14)) + '.';
            }
        }
        out[pick(0, out.size() - 1)] += ' ' + marker + '.';
        return out;
    }

private:
    std::mt19937 rng_;
};

std::string numbered(const char* stem, std::size_t n, const char* extension) {
    char name[64];
    std::snprintf(name, sizeof name, "%s-%03zu%s", stem, n, extension);
    return name;
}

}  // namespace

std::size_t write_collection(const std::filesystem::path& folder, const CollectionSpec& spec) {
    TextMaker maker(spec.seed);
    std::size_t documents = 0;
    for (std::size_t file = 0; file < spec.jsonl_files; ++file) {
        std::string content;
        for (std::size_t record = 0; record < spec.records_per_file; ++record) {
            const Language& lang = maker.language();
            std::string text;
            for (const std::string& paragraph : maker.paragraphs(lang, spec.marker)) {
                if (!text.empty()) text += "\n\n";
                text += paragraph;
            }
            nlohmann::json j = {{"id", "r" + std::to_string(file) + "-" + std::to_string(record)},
                                {"title", maker.words(lang, maker.pick(3, 8))},
                                {"text", text}};
            if (maker.pick(0, 2) > 0) j["lang"] = lang.code;  // the others are detected
            if (maker.pick(0, 1) > 0) {
                char date[16];
                std::snprintf(date, sizeof date, "2023-%02zu-%02zu", maker.pick(1, 12),
                              maker.pick(1, 28));
                j["date"] = date;
            }
            content += j.dump() + "\n";
            ++documents;
        }
        write_file(folder / numbered("reports", file, ".jsonl"), content);
    }
    for (std::size_t page = 0; page < spec.text_pages; ++page) {
        const Language& lang = maker.language();
        std::string content = maker.words(lang, maker.pick(3, 6)) + "\n\n";
        for (std::size_t article = 0; article < spec.articles_per_page; ++article) {
            const std::string headline = maker.words(lang, maker.pick(4, 9));
            content += std::string("  ") + kBullet + " " + headline + "\n\n";
            for (const std::string& paragraph : maker.paragraphs(lang, spec.marker)) {
                content += "    " + paragraph + "\n\n";
            }
            ++documents;
        }
        write_file(folder / "pages" / numbered("page", page, ".txt"), content);
    }
    return documents;
}

std::string index_records(const std::filesystem::path& dir, const std::vector<std::string>& records) {
    std::string jsonl;
    for (const std::string& record : records) jsonl += nlohmann::json::parse(record).dump() + "\n";
    write_file(dir / "in" / "records.jsonl", jsonl);
    const std::string db = (dir / "db").string();
    Indexer(db).run({(dir / "in").string()}, {});
    return db;
}

std::set<std::string> unique_ids(const std::string& db) {
    const Xapian::Database index(db);
    const std::string prefix(schema::kUniqueId);
    std::set<std::string> ids;
    for (auto it = index.allterms_begin(prefix); it != index.allterms_end(prefix); ++it) {
        ids.insert((*it).substr(prefix.size()));
    }
    return ids;
}

}  // namespace agora::test
