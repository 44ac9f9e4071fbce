package share

// deflate compresses data as one DEFLATE block with the fixed Huffman
// codes (RFC 1951 §3.2.6), matching repeats with a hash chain. It does
// what compress/flate's writer does for tokens in about 6 KB of app.wasm
// (brotli) instead of 20 KB; compress/flate's reader reads it. Share
// tokens are small (a case is a few KB of JSON), so the fixed codes lose
// little to flate's dynamic ones: about 15 % (BENCHMARKS.md).
func deflate(data []byte) []byte {
	var w bitWriter
	w.bits(1, 1) // BFINAL: the last block
	w.bits(1, 2) // BTYPE 01: fixed Huffman codes
	const (
		minMatch = 3
		maxMatch = 258
		window   = 32768
		hashBits = 12
		depth    = 64 // candidates tried per position
	)
	head := make([]int32, 1<<hashBits)
	for i := range head {
		head[i] = -1
	}
	prev := make([]int32, len(data))
	hash := func(i int) int {
		return int((uint32(data[i])<<16|uint32(data[i+1])<<8|uint32(data[i+2]))*2654435761) >> (32 - hashBits)
	}
	insert := func(i int) {
		if i+minMatch <= len(data) {
			h := hash(i)
			prev[i] = head[h]
			head[h] = int32(i)
		}
	}
	for i := 0; i < len(data); {
		bestLen, bestDist := 0, 0
		if i+minMatch <= len(data) {
			for j, n := int(head[hash(i)]), 0; j >= 0 && i-j <= window && n < depth; j, n = int(prev[j]), n+1 {
				l := 0
				for l < maxMatch && i+l < len(data) && data[j+l] == data[i+l] {
					l++
				}
				if l > bestLen {
					bestLen, bestDist = l, i-j
				}
			}
		}
		if bestLen < minMatch {
			w.literal(int(data[i]))
			insert(i)
			i++
			continue
		}
		w.match(bestLen, bestDist)
		for k := 0; k < bestLen; k++ {
			insert(i + k)
		}
		i += bestLen
	}
	w.literal(256) // end of block
	return w.flush()
}

// The base lengths and distances of the length codes 257–285 and the
// distance codes 0–29, and their numbers of extra bits (RFC 1951 §3.2.5).
var (
	lengthBase  = [...]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [...]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [...]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [...]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// bitWriter writes bits least significant first, as DEFLATE packs them.
type bitWriter struct {
	out  []byte
	acc  uint32
	nacc uint
}

func (w *bitWriter) bits(v uint32, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	for w.nacc >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc -= 8
	}
}

// code writes a Huffman code, which DEFLATE stores most significant bit
// first.
func (w *bitWriter) code(c uint32, n uint) {
	var r uint32
	for i := uint(0); i < n; i++ {
		r = r<<1 | c>>i&1
	}
	w.bits(r, n)
}

// literal writes a literal/length symbol in the fixed code.
func (w *bitWriter) literal(s int) {
	switch {
	case s < 144:
		w.code(uint32(0x30+s), 8)
	case s < 256:
		w.code(uint32(0x190+s-144), 9)
	case s < 280:
		w.code(uint32(s-256), 7)
	default:
		w.code(uint32(0xc0+s-280), 8)
	}
}

func (w *bitWriter) match(length, dist int) {
	i := len(lengthBase) - 1
	for int(lengthBase[i]) > length {
		i--
	}
	w.literal(257 + i)
	w.bits(uint32(length-int(lengthBase[i])), uint(lengthExtra[i]))
	d := len(distBase) - 1
	for int(distBase[d]) > dist {
		d--
	}
	w.code(uint32(d), 5)
	w.bits(uint32(dist-int(distBase[d])), uint(distExtra[d]))
}

func (w *bitWriter) flush() []byte {
	if w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc, w.nacc = 0, 0
	}
	return w.out
}
