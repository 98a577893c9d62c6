/** @file
 *  @brief agora.cgi: CGI environment (or shell arguments) → agora::web::App → HTTP headers and body.
 *
 *  Under a web server (GATEWAY_INTERFACE set) the request is REQUEST_METHOD and QUERY_STRING; from a
 *  shell each argument is one `name=value` pair (`agora.cgi 'q=Zhovtis' format=json`), or, without
 *  arguments, QUERY_STRING. The output is the same either way: a `Status:` line, headers, the body.
 *  Details of failures go to standard error (the server's error log), never to the page.
 */
#include "agora/web/app.h"

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

}  // namespace

int main(int argc, char** argv) {
    try {
        agora::web::SiteConfig config = agora::web::load_config(program_path(argc > 0 ? argv[0] : nullptr));
        for (const std::string& warning : config.warnings) std::cerr << "agora.cgi: " << warning << "\n";
        agora::web::App app(std::move(config));
        write_all(app.handle(read_input(argc, argv)).to_cgi());
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
