// Unit tests for countries: being written.
#include <catch2/catch.hpp>
