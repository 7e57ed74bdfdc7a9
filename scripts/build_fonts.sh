#!/bin/sh
# Builds the vendored Noto fonts in static/fonts from Debian's fonts-noto-core (SIL OFL 1.1), see
# static/fonts/README.md. Needs fonttools and brotli (pip install fonttools brotli). Run from the project root.
set -eu
NOTO=${NOTO:-/usr/share/fonts/truetype/noto}
OUT=static/fonts
# Arabic script: the Arabic blocks, presentation forms (older text), Arabic-Indic digits and the joiners that
# shape Arabic letters; basic Latin digits and punctuation so numbers in an Arabic sentence match the letters.
ARABIC="U+0020-007E,U+00A0,U+00AB,U+00BB,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+200C-200F,U+2010-2027,U+2066-2069,U+FB50-FDFF,U+FE70-FEFF"
# Turkish letters that Atkinson Hyperlegible lacks (İ ı Ğ ğ Ş ş), and the rest of Latin Extended-A for names.
TURKISH="U+0100-017F"
for weight in Regular Bold; do
  lower=$(echo "$weight" | sed 's/Regular/400/; s/Bold/700/')
  pyftsubset "$NOTO/NotoSansArabic-$weight.ttf" --unicodes="$ARABIC" --layout-features='*' \
    --flavor=woff2 --output-file="$OUT/noto-sans-arabic-$lower.woff2"
  pyftsubset "$NOTO/NotoSans-$weight.ttf" --unicodes="$TURKISH" --layout-features='*' \
    --flavor=woff2 --output-file="$OUT/noto-sans-latin-ext-$lower.woff2"
done
