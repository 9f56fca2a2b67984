import multiprocessing

from annotator.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a bundled app's export workers start through this same program
    main()
