# $1 is the number of installed copies left: 0 on erase, 1 on upgrade.
if [ "$1" = 0 ]; then
    rm -rf /var/cache/vzbridge
fi
exit 0
