// Unit tests for recognizer: being written.
#include <catch2/catch.hpp>
