// Placeholder: being written (NameKeyer).
#include "agora/entities/name_key.h"
namespace agora {
struct NameKeyer::Impl {};
NameKeyer::NameKeyer() : impl_(std::make_unique<Impl>()) {}
NameKeyer::~NameKeyer() = default;
std::string NameKeyer::word_key(std::string_view word) { return std::string(word); }
std::vector<std::string> NameKeyer::word_keys(std::string_view name) { return {std::string(name)}; }
std::string NameKeyer::name_key(std::string_view name) { return std::string(name); }
std::string NameKeyer::romanize(std::string_view name) { return std::string(name); }
}  // namespace agora
