/** @file
 *  @brief FacetCodeSpy: counting facet codes as the matcher goes.
 */
#include "agora/search/facet_spy.h"

#include "agora/index/entity_terms.h"

namespace agora {

namespace {

constexpr std::size_t kInitialSize = 1024;  // a power of two

std::size_t home(std::uint64_t code, std::size_t mask) {
    return static_cast<std::size_t>((code * 0x9E3779B97F4A7C15ULL) >> 32) & mask;  // Fibonacci hashing
}

}  // namespace

FacetCodeSpy::FacetCodeSpy(Xapian::valueno slot)
    : Xapian::ValueCountMatchSpy(slot), slot_(slot), codes_(kInitialSize, 0), counts_(kInitialSize, 0) {}

void FacetCodeSpy::operator()(const Xapian::Document& doc, double) {
    entity_terms::for_each_facet_code(doc.get_value(slot_), [&](std::uint64_t code) { add(code); });
}

void FacetCodeSpy::add(std::uint64_t code) {
    const std::size_t mask = codes_.size() - 1;
    for (std::size_t i = home(code, mask);; i = (i + 1) & mask) {
        if (codes_[i] == code) {
            ++counts_[i];
            return;
        }
        if (codes_[i] == 0) {
            codes_[i] = code;
            counts_[i] = 1;
            if (++used_ * 2 > codes_.size()) grow();  // at most half full: short probes
            return;
        }
    }
}

void FacetCodeSpy::grow() {
    std::vector<std::uint64_t> old_codes(codes_.size() * 2, 0);
    std::vector<std::uint32_t> old_counts(counts_.size() * 2, 0);
    old_codes.swap(codes_);
    old_counts.swap(counts_);
    const std::size_t mask = codes_.size() - 1;
    for (std::size_t k = 0; k < old_codes.size(); ++k) {
        if (old_codes[k] == 0) continue;
        std::size_t i = home(old_codes[k], mask);
        while (codes_[i] != 0) i = (i + 1) & mask;
        codes_[i] = old_codes[k];
        counts_[i] = old_counts[k];
    }
}

std::unordered_map<std::uint64_t, std::size_t> FacetCodeSpy::counts() const {
    std::unordered_map<std::uint64_t, std::size_t> out;
    out.reserve(used_);
    for (std::size_t i = 0; i < codes_.size(); ++i) {
        if (codes_[i] != 0) out[codes_[i]] = counts_[i];
    }
    // Lists counted by remote shards (the base class's map stays empty on local databases).
    for (auto it = values_begin(); it != values_end(); ++it) {
        const Xapian::doccount n = it.get_termfreq();
        entity_terms::for_each_facet_code(*it, [&](std::uint64_t code) { out[code] += n; });
    }
    return out;
}

}  // namespace agora
