/** @file
 *  @brief The command-line parsing every Agora program shares (Boost.Program_options).
 */
#pragma once

#include <boost/program_options.hpp>

#include <iostream>

namespace agora {

/// What the program should do after parsing its command line.
enum class CommandLine { run, help_shown, invalid };

/// Parses @p argv: the options of @p visible, and every remaining argument into the option
/// @p positional_name declared in @p positional (a hidden, vector-valued option). `--help` prints
/// @p usage and the options to stdout; an invalid command line prints "program: reason" and @p usage to
/// stderr. Both are reported through the return value, so main() only maps it to an exit status.
inline CommandLine parse_command_line(int argc, char** argv, const char* program, const char* usage,
                                      const boost::program_options::options_description& visible,
                                      const boost::program_options::options_description& positional,
                                      const char* positional_name) {
    namespace po = boost::program_options;
    po::options_description all;
    all.add(visible).add(positional);
    po::positional_options_description rest;
    rest.add(positional_name, -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(rest).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << program << ": " << e.what() << "\n" << usage;
        return CommandLine::invalid;
    }
    if (vm.count("help")) {
        std::cout << usage << "\n" << visible;
        return CommandLine::help_shown;
    }
    return CommandLine::run;
}

}  // namespace agora
