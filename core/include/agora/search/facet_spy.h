/** @file
 *  @brief Exact facet counts from the facet slot (schema::kSlotFacets) over a whole match set.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace agora {

/// Counts the facet codes of the matching documents.
///
/// It is Xapian's ValueCountMatchSpy, which counts each distinct slot value, with one change on
/// local databases: operator() splits the document's list of codes and counts each code as it goes.
/// The stock class keeps an ordered map of every distinct list; lists are nearly unique per
/// document, so on large match sets that map cost most of a facet query (string compares, node
/// allocations).
///
/// Name and serialisation are the base class's, so a remote shard (stock xapian-tcpsrv) runs the
/// stock ValueCountMatchSpy; its per-list counts come back through merge_results into the base
/// class, and counts() splits them too. The counts are the same on every layout of the index.
class FacetCodeSpy : public Xapian::ValueCountMatchSpy {
public:
    explicit FacetCodeSpy(Xapian::valueno slot);

    void operator()(const Xapian::Document& doc, double weight) override;

    /// Matching documents that hold each code: counted here plus those merged from remote shards.
    std::unordered_map<std::uint64_t, std::size_t> counts() const;

private:
    void add(std::uint64_t code);
    void grow();

    Xapian::valueno slot_;
    // An open-addressing table (linear probing, power-of-two size, code 0 = empty slot): a hash map
    // lookup per code per document is the hot path of a facet query, and std::unordered_map's
    // division and node chasing cost three times more.
    std::vector<std::uint64_t> codes_;
    std::vector<std::uint32_t> counts_;
    std::size_t used_ = 0;
};

}  // namespace agora
