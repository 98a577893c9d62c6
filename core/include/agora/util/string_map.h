/** @file
 *  @brief std::unordered_map keyed by std::string and looked up by std::string_view (C++20's
 *         heterogeneous lookup), for the tables consulted once or more per token: a lookup builds no
 *         temporary string.
 */
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace agora {

/// std::hash of the characters, callable with a std::string or a std::string_view alike.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// A string-keyed map whose find(), count() and contains() take a std::string_view.
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

}  // namespace agora
