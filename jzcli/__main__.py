from jzcli.app import main

main()
