/** @file
 *  @brief agora.cgi: CGI environment (or shell arguments) → agora::web::App → HTTP headers and body.
 *
 *  Under a web server (GATEWAY_INTERFACE set) the request is REQUEST_METHOD and QUERY_STRING; from a
 *  shell each argument is one `name=value` pair (`agora.cgi 'q=Zhovtis' format=json`), or, without
 *  arguments, QUERY_STRING. The output is the same either way: a `Status:` line, headers, the body.
 *  Details of failures go to standard error (the server's error log), never to the page.
 */
#include "agora/web/app.h"

#include <csignal>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// The program's own path (for agora.conf next to it): /proc/self/exe, else argv[0].
std::string program_path(const char* argv0) {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && !self.empty()) return self.string();
    return argv0 ? argv0 : "";
}

agora::web::CgiInput read_input(int argc, char** argv) {
    agora::web::CgiInput input;
    const bool cgi = !env("GATEWAY_INTERFACE").empty();
    input.method = cgi ? env("REQUEST_METHOD") : "GET";
    input.query_string = env("QUERY_STRING");
    input.accept_language = env("HTTP_ACCEPT_LANGUAGE");
    if (!cgi && argc > 1) {
        input.use_arguments = true;
        for (int i = 1; i < argc; ++i) input.arguments.emplace_back(argv[i]);
    }
    return input;
}

void write_all(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0) return;  // the client went away: nothing more to do
        done += static_cast<std::size_t>(n);
    }
}

// A request answers within this time (seconds; AGORA_CGI_TIME_LIMIT overrides it, 0 turns it off)
// or gets a 503: a pathological query must not hold a server process, and a core, for ever.
// Matching is the only unbounded step, and the response is written only once complete, so the
// alarm can always write a whole answer of its own.
constexpr unsigned kMaxRequestSeconds = 10;

unsigned request_time_limit() {
    const std::string value = env("AGORA_CGI_TIME_LIMIT");
    if (value.empty() || value.size() > 4 || value.find_first_not_of("0123456789") != std::string::npos) {
        return kMaxRequestSeconds;
    }
    return static_cast<unsigned>(std::stoul(value));
}

constexpr char kTooSlow[] =
    "Status: 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    "Cache-Control: no-store\r\nRetry-After: 10\r\n\r\n"
    "This search took too long and was stopped. Try fewer or more precise words.\n";

extern "C" void on_alarm(int) {
    // Only async-signal-safe calls here.
    const char* p = kTooSlow;
    std::size_t left = sizeof kTooSlow - 1;
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, left);
        if (n <= 0) break;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::_exit(0);
}

}  // namespace

int main(int argc, char** argv) {
    if (const unsigned limit = request_time_limit(); limit > 0) {
        std::signal(SIGALRM, on_alarm);
        ::alarm(limit);
    }
    try {
        agora::web::SiteConfig config = agora::web::load_config(program_path(argc > 0 ? argv[0] : nullptr));
        for (const std::string& warning : config.warnings) std::cerr << "agora.cgi: " << warning << "\n";
        agora::web::App app(std::move(config));
        const std::string response = app.handle(read_input(argc, argv)).to_cgi();
        ::alarm(0);  // complete: from here on only our own answer is written
        write_all(response);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "agora.cgi: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "agora.cgi: unknown exception\n";
    }
    write_all("Status: 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
              "The search could not be completed. Please try again later.\n");
    return 0;
}
