/** @file
 *  @brief Hash tables keyed by std::string and looked up by std::string_view, for the tables consulted
 *         once or more per token: Abseil's flat_hash_map (open addressing, the entries inline in one
 *         array) with a transparent hash and equality (C++20's heterogeneous lookup), so that a lookup
 *         builds no temporary string.
 *
 *  The tables looked up per token hold tens of thousands of words and do not fit in the processor's
 *  caches, so a lookup's time is its memory accesses: std::unordered_map's chained nodes cost three
 *  dependent loads (the bucket, the node before the first one of the bucket, the node), a flat table
 *  one or two (see ARCHITECTURE.md, "Hash tables"). Unlike std::unordered_map's, a flat table's
 *  references are invalidated by any insertion.
 *
 *  Debian builds Abseil with its own absl::string_view, which std::string_view does not convert to,
 *  so the hash and the equality are the standard library's rather than Abseil's defaults.
 */
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace agora {

/// std::hash of the characters, callable with a std::string or a std::string_view alike.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// A string-keyed map whose find(), count() and contains() take a std::string_view.
template <class V>
using StringMap = absl::flat_hash_map<std::string, V, StringHash, std::equal_to<>>;

/// A set of strings whose lookups take a std::string_view.
using StringSet = absl::flat_hash_set<std::string, StringHash, std::equal_to<>>;

}  // namespace agora
