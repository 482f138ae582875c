// Tesseract's own threads (OpenMP), switched off for the threads that run it.
#pragma once

namespace gongkai::ocr {

// Makes Tesseract's OpenMP regions run on the calling thread only (see
// tesseract_threads.cpp for why and how). Call in every thread that runs Tesseract.
void serialise_openmp_in_this_thread();

}  // namespace gongkai::ocr
