/** @file
 *  @brief Runs a fuzz target over saved inputs without libFuzzer, so that the corpus and every
 *         crash ever found replay as ordinary tests under any compiler.
 */
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

/// Regular files of @p folder (or @p folder itself when it is a file), sorted so that a failing run
/// is reproducible. A missing folder is reported and gives no inputs: git keeps no empty folders.
std::vector<fs::path> inputs_of(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code error;
    if (fs::is_regular_file(folder, error)) return {folder};
    if (!fs::is_directory(folder, error)) {
        std::fprintf(stderr, "note: %s is not a folder; no inputs from it\n", folder.c_str());
        return files;
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
        if (entry.is_regular_file(error)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool read_file(const fs::path& file, std::string& bytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t ran = 0;
    std::string bytes;
    for (int i = 1; i < argc; ++i) {
        for (const fs::path& file : inputs_of(argv[i])) {
            if (!read_file(file, bytes)) {
                std::fprintf(stderr, "error: cannot read %s\n", file.c_str());
                return 2;
            }
            // Named before running, so that a trap leaves the guilty file as the last line.
            std::printf("running %s (%zu bytes)\n", file.c_str(), bytes.size());
            std::fflush(stdout);
            // libFuzzer passes a null pointer for the empty input; a fresh buffer of the exact
            // size (not the string's spare capacity) lets ASan catch reads past the end.
            std::vector<std::uint8_t> buffer(bytes.begin(), bytes.end());
            LLVMFuzzerTestOneInput(buffer.data(), buffer.size());
            ++ran;
        }
    }
    std::printf("ran %zu inputs\n", ran);
    return 0;
}
