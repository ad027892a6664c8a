// A stand-in kernel BTF for CO-RE ambiguity tests: two candidates for
// "struct pair" (the flavor suffix ___b is ignored when matching) that put
// field x at different offsets. Its .BTF section is used as a raw BTF
// kernel profile (--kernel PATH).
struct pair {
	int pad;
	int x;
};

struct pair___b {
	int x;
};

struct pair p1;
struct pair___b p2;
