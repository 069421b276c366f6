import pytest

from rasd.errors import BinaryInputError, EmptyInputError, EncodingError
from rasd.io.decode import decode

TEXT = "قال المتحدث باسم الوزارة إن الوفد وصل إلى العاصمة صباح اليوم."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1256", "iso-8859-6"])
def test_decodes_arabic_encodings(encoding):
    assert decode(TEXT.encode(encoding), "a.txt") == TEXT


@pytest.mark.parametrize("data,error,words", [
    (b"", EmptyInputError, "empty"),
    (b"  \n\t ", EmptyInputError, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError, "PNG"),
    (b"%PDF-1.7 ...", BinaryInputError, "PDF"),
    (bytes(range(256)) * 4, BinaryInputError, "binary"),
    (b"plain ascii then \xff\xfe\xfa broken \xc0\xc1", EncodingError, "UTF-8"),
])
def test_bad_input_names_file_and_problem(data, error, words):
    with pytest.raises(error) as info:
        decode(data, "bad.txt")
    message = str(info.value)
    assert "bad.txt" in message and words in message and info.value.code.startswith("R1")
