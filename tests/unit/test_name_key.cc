// Unit tests for name_key: being written.
#include <catch2/catch.hpp>
