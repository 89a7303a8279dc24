// The corpus replay for builds without libFuzzer (g++, the normal build): runs each fuzz
// target's LLVMFuzzerTestOneInput over every file of the folders (or files) given, so that ctest
// replays the committed corpus, findings included, on every build. A failing oracle aborts.
//   fuzz_config_replay tests/fuzz/corpus/config
//   fuzz_url_replay --pack urls.pack     (tests/hardening/malformed.py's records: many inputs
//                                         in one file, one process; also under node)
#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace
{

std::vector<std::filesystem::path> inputs_of(const std::filesystem::path& p)
{
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(p))
    {
        for (const auto& e : std::filesystem::recursive_directory_iterator(p))
            if (e.is_regular_file())
                files.push_back(e.path());
    }
    else
    {
        files.push_back(p);
    }
    std::sort(files.begin(), files.end());  // a fixed order: a failure replays the same way
    return files;
}

std::string read_file(const std::filesystem::path& f)
{
    std::ifstream in(f, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void run_one(const std::string& bytes)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

// Records "KIND LENGTH\n" + LENGTH bytes + "\n"; false if the file is not such a pack.
bool replay_pack(const std::string& path, std::size_t& count)
{
    const std::string pack = read_file(path);
    std::size_t at = 0;
    while (at < pack.size())
    {
        const std::size_t nl = pack.find('\n', at);
        const std::size_t space = pack.find(' ', at);
        if (nl == std::string::npos || space == std::string::npos || space > nl)
            return false;
        const unsigned long long n = std::strtoull(pack.c_str() + space + 1, nullptr, 10);
        if (n > pack.size() - nl - 1)
            return false;
        run_one(pack.substr(nl + 1, n));
        ++count;
        at = nl + 1 + n + 1;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    std::size_t count = 0;
    if (std::string(argv[1]) == "--pack")
    {
        for (int a = 2; a < argc; ++a)
        {
            if (!replay_pack(argv[a], count))
            {
                std::fprintf(stderr, "%s: not a pack of records\n", argv[a]);
                return 2;
            }
        }
        std::printf("replayed %zu input(s)\n", count);
        return count > 0 ? 0 : 1;
    }
    for (int a = 1; a < argc; ++a)
    {
        if (!std::filesystem::exists(argv[a]))
        {
            std::fprintf(stderr, "%s: no such file or folder\n", argv[a]);
            return 2;
        }
        for (const std::filesystem::path& f : inputs_of(argv[a]))
        {
            run_one(read_file(f));
            ++count;
        }
    }
    std::printf("replayed %zu input(s)\n", count);
    return count > 0 ? 0 : 1;
}
