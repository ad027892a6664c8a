/* A program that needs no header: what a clang the plugin is not built
 * for compiles in test/lit/plugin/other-clang.test. */
__attribute__((section("xdp"), used)) int pass_all(void *ctx)
{
	return 2; /* XDP_PASS */
}

char LICENSE[] __attribute__((section("license"), used)) = "GPL";
