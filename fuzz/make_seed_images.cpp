// Writes the small image seeds of fuzz/corpus/image (a ruled grid with numbers
// in two cells as PNG, a two-page TIFF (G4 + zip), a JPEG and a BMP) from one
// of the OCR test images. One-off; the outputs are committed.
//   g++ fuzz/make_seed_images.cpp -o /tmp/mkimg $(pkg-config --cflags --libs lept)
//   /tmp/mkimg fuzz/corpus/image tests/data/ocr/300-n-105.png
#include <leptonica/allheaders.h>
#include <cstdio>
int main(int, char** argv) {
  const char* out = argv[1];
  PIX* num = pixRead(argv[2]);          // 300-n-105.png, 163x115
  PIX* small = pixScale(num, 0.35, 0.35);  // ~57x40
  // A 3x2 ruled grid, 150x90, cells 50x45, numbers pasted into two cells.
  PIX* g = pixCreate(150, 90, 8);
  pixSetAll(g);  // white... for 8bpp pixSetAll sets 255
  for (int x = 0; x <= 150; x += 50) pixRenderLine(g, x ? x - 1 : 0, 0, x ? x - 1 : 0, 89, 1, L_CLEAR_PIXELS);
  for (int y = 0; y <= 90; y += 45) pixRenderLine(g, 0, y ? y - 1 : 0, 149, y ? y - 1 : 0, 1, L_CLEAR_PIXELS);
  int w = pixGetWidth(small), h = pixGetHeight(small);
  if (w > 46) w = 46; if (h > 41) h = 41;
  pixRasterop(g, 52, 47, w, h, PIX_SRC, small, 0, 0);
  pixRasterop(g, 102, 47, w, h, PIX_SRC, small, 0, 0);
  pixSetResolution(g, 300, 300);
  char path[512];
  snprintf(path, sizeof path, "%s/grid.png", out); pixWrite(path, g, IFF_PNG);
  PIX* bin = pixConvertTo1(g, 128);
  snprintf(path, sizeof path, "%s/grid-g4-2pages.tif", out);
  pixWriteTiff(path, bin, IFF_TIFF_G4, "w");
  pixWriteTiff(path, small, IFF_TIFF_ZIP, "a");
  snprintf(path, sizeof path, "%s/number.jpg", out); pixWrite(path, small, IFF_JFIF_JPEG);
  snprintf(path, sizeof path, "%s/number.bmp", out);
  PIX* tiny = pixScale(small, 0.5, 0.5); pixWrite(path, tiny, IFF_BMP);
  return 0;
}
