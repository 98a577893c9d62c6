/** @file
 *  @brief The web front end as one call: a CGI request (or shell arguments) in, a complete HTTP
 *         response out. web/main.cc only gathers the input and writes the output.
 */
#pragma once

#include "agora/web/config.h"
#include "agora/web/protect.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora {
class Searcher;
}

namespace agora::web {

/// What the program was asked.
struct CgiInput {
    std::string method = "GET";  ///< REQUEST_METHOD
    std::string query_string;    ///< QUERY_STRING (percent-encoded)
    std::string accept_language; ///< HTTP_ACCEPT_LANGUAGE
    std::vector<std::string> arguments;  ///< shell arguments, each `name=value` (literal)
    bool use_arguments = false;  ///< read `arguments` instead of `query_string`
};

/// A complete answer: status, headers, body.
struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  ///< besides `Status:`
    std::string body;
    bool head_only = false;  ///< HEAD: headers without the body

    /// The value of header @p name (case-insensitive), empty when absent.
    std::string header(std::string_view name) const;
    /// CGI output: `Status:` line, headers, blank line, body (none for HEAD).
    std::string to_cgi() const;
};

/// The reason phrase of an HTTP status code ("Bad Request").
std::string_view status_reason(int status);

/// Answers requests against one installation. Opens the index and the protected-names list on the
/// first request that needs them; keeps them for the following ones (a test or a FastCGI loop).
class App {
public:
    /// @p log receives details that must not reach the public (opening errors, exceptions).
    explicit App(SiteConfig config, std::function<void(const std::string&)> log = {});
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Answers @p input. Never throws: unexpected failures give a 503 page and a log line.
    HttpResponse handle(const CgiInput& input);

private:
    HttpResponse answer(const CgiInput& input);
    bool open(std::string& error);

    SiteConfig config_;
    std::function<void(const std::string&)> log_;
    std::unique_ptr<Searcher> searcher_;
    std::unique_ptr<ProtectedNames> protected_;
};

}  // namespace agora::web
